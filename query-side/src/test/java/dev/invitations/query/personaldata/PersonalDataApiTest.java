package dev.invitations.query.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.invitation.PersonalDataErased;
import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.personaldata.DataKeys;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The right of access and what the reads show after an erasure: the events are written as the command side writes
 * them (encrypted), then erased as it erases them (the event, then the key).
 */
class PersonalDataApiTest extends RunningQuerySide {

    @Autowired
    DataKeys keys;

    @Test
    void accessListsEveryInvitationOfThePersonWithItsHistory() {
        String org = newOrg();
        String accepted = events.create(org, "Ada@example.com", EPOCH);
        events.write(accepted, 1, events.accepted(org, accepted, "Ada@example.com"));
        String pending = events.create(org, "ada@example.com", EPOCH.plusSeconds(60));
        events.create(org, "grace@example.com", EPOCH);
        viewAt(org, pending, 0);
        viewAt(org, accepted, 1);

        Answer access = privacyOfficer(org).get("/v1/orgs/" + org + "/personalData?email=%20ADA@example.com");

        assertThat(access.status()).isEqualTo(200);
        JsonNode invitations = access.body().get("invitations");
        assertThat(invitations.findValuesAsText("id")).containsExactly(accepted, pending);
        assertThat(invitations.get(0).get("invitedEmail").asText()).isEqualTo("Ada@example.com");
        assertThat(invitations.get(0).get("history").findValuesAsText("type"))
                .containsExactly("InvitationCreated", "InvitationAccepted");
        assertThat(invitations.get(0).get("history").get(1).at("/data/acceptedBy").asText()).isEqualTo("user-9");
        assertThat(access.body().toString()).doesNotContain("grace", "tokenHash");
    }

    @Test
    void afterAnErasureNoReadShowsTheEmailAndTheOtherPersonIsUntouched() {
        String org = newOrg();
        String erasedId = events.create(org, "erased@example.com", EPOCH);
        events.write(erasedId, 1, events.accepted(org, erasedId, "erased@example.com"));
        String keptId = events.create(org, "kept@example.com", EPOCH);
        viewAt(org, erasedId, 1);

        events.write(erasedId, 2, new PersonalDataErased(erasedId, org, "privacy-officer", EPOCH.plusSeconds(600)));
        keys.erase(keys.subjectHash(new DataSubject(org, new EmailAddress("erased@example.com"))));

        JsonNode view = viewAt(org, erasedId, 2);
        assertThat(view.get("invitedEmail").isNull()).isTrue();
        assertThat(view.get("acceptedBy").isNull()).isTrue();
        assertThat(view.get("erased").asBoolean()).isTrue();
        assertThat(view.get("state").asText()).isEqualTo("ACCEPTED");
        String base = "/v1/orgs/" + org;
        assertThat(reader().get(base + "/invitations?email=erased@example.com").body().get("invitations")).isEmpty();
        assertThat(reader().get(base + "/invitations/" + erasedId + "/history").body().toString())
                .doesNotContain("erased@example.com", "user-9");
        JsonNode feed = eventually(() -> reader().get(base + "/events"),
                answer -> answer.body().path("events").size() == 4
                        && !answer.body().toString().contains("erased@example.com")).body();
        assertThat(feed.toString()).doesNotContain("user-9").contains("kept@example.com");
        assertThat(privacyOfficer(org).get(base + "/personalData?email=erased@example.com").body()
                .get("invitations")).isEmpty();
        assertThat(reader().get(base + "/invitations/" + keptId).body().get("invitedEmail").asText())
                .isEqualTo("kept@example.com");
    }

    @Test
    void accessNeedsThePrivacyPermissionAndAnEmail() {
        String org = newOrg();
        assertThat(reader().get("/v1/orgs/" + org + "/personalData?email=ada@example.com").status()).isEqualTo(403);
        for (String query : new String[] {"", "?email=", "?email=not-an-address", "?email=a%00b@example.com"}) {
            Answer refused = privacyOfficer(org).get("/v1/orgs/" + org + "/personalData" + query);
            assertThat(refused.status()).as(query).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
    }

    private HttpForTests privacyOfficer(String org) {
        return new HttpForTests(port, JwtsForTests.bearer("dpo-1", "org.privacy.manage", org));
    }
}
