package dev.invitations.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.command.RunningCommandSide;
import dev.invitations.command.erasure.PersonalDataErasure;
import dev.invitations.command.erasure.RetentionJob;
import dev.invitations.command.erasure.RetentionProperties;
import dev.invitations.command.storage.InvitationSubjects;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Erasure of a person's data over HTTP, and by the retention period, against the running command side. */
class PersonalDataErasureApiTest extends RunningCommandSide {

    @Autowired
    InvitationSubjects subjects;
    @Autowired
    PersonalDataErasure erasure;

    @Test
    void erasureRevokesThePendingInvitationAndLeavesNoReadableEmailInTheEventStore() {
        Answer first = create("Erased.Person@example.com");
        assertThat(accept(first.body().get("invitationToken").asText()).status()).isEqualTo(200);
        Answer pending = create("erased.person@example.com");
        String pendingToken = pending.body().get("invitationToken").asText();
        String otherId = create("kept.person@example.com").body().get("id").asText();

        Answer erased = http.post(personalData() + ":erase", "{\"email\":\"  ERASED.person@Example.com \"}");

        assertThat(erased.status()).isEqualTo(200);
        assertThat(ids(erased.body().get("invitations")))
                .containsExactly(first.body().get("id").asText(), pending.body().get("id").asText());
        assertThat(ids(erased.body().get("revoked"))).containsExactly(pending.body().get("id").asText());
        for (JsonNode invitation : erased.body().get("invitations")) {
            assertThat(invitation.get("invitedEmail").isNull()).isTrue();
            assertThat(invitation.get("acceptedBy").isNull()).isTrue();
            assertThat(invitation.get("erased").asBoolean()).isTrue();
        }
        assertThat(erased.body().get("revoked").get(0).get("state").asText()).isEqualTo("REVOKED");
        assertThat(accept(pendingToken).status()).isEqualTo(410);
        // the stored events hold no email in plain text, the erased one's now unreadable for good
        assertThat(storedInvitationEvents()).doesNotContainIgnoringCase("erased.person@example.com")
                .doesNotContain("kept.person@example.com");
        // the other person's invitation reads as before
        Answer other = http.post("/v1/orgs/" + org + "/invitations/" + otherId + ":resend", "{}");
        assertThat(other.body().get("invitedEmail").asText()).isEqualTo("kept.person@example.com");
        // and the erased email can be invited again, under a new key
        Answer again = create("erased.person@example.com");
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.body().get("invitedEmail").asText()).isEqualTo("erased.person@example.com");
        assertThat(again.body().get("erased").asBoolean()).isFalse();
    }

    @Test
    void erasureNeedsThePrivacyPermissionAndAValidEmail() {
        create("someone@example.com");
        var inviter = new HttpForTests(port, JwtsForTests.bearer("admin-2", "org.user.invite org.user.read", org));

        assertThat(inviter.post(personalData() + ":erase", "{\"email\":\"someone@example.com\"}").status())
                .isEqualTo(403);
        for (String body : List.of("{}", "{\"email\":\"not an address\"}", "{\"email\":42}",
                "[]", "not json")) {
            Answer refused = http.post(personalData() + ":erase", body);
            assertThat(refused.status()).as(body).isEqualTo(400);
            assertThat(refused.contentType()).as(body).startsWith("application/problem+json");
        }
        Answer stillThere = http.post("/v1/orgs/" + org + "/invitations",
                "{\"email\":\"someone@example.com\",\"role\":\"member\",\"disableInvitationEmail\":true}");
        assertThat(stillThere.status()).as("the pending invitation was not touched").isEqualTo(409);
    }

    @Test
    void theRetentionPeriodErasesPeopleWhoseInvitationsAllEndedThatLongAgo() {
        String endedId = create("gone.long.ago@example.com").body().get("id").asText();
        assertThat(http.post(invitation(endedId) + ":revoke", "{}").status()).isEqualTo(200);
        String stillPendingId = create("still.waiting@example.com").body().get("id").asText();
        String revokedOfPendingPerson = create("has.both@example.com").body().get("id").asText();
        http.post(invitation(revokedOfPendingPerson) + ":revoke", "{}");
        create("has.both@example.com");
        var job = new RetentionJob(subjects, erasure, mongo,
                new RetentionProperties(Duration.ZERO, Duration.ofHours(1), Duration.ofMinutes(10)),
                Clock.systemUTC());

        job.eraseEndedLongAgo();

        // erased: gone; a revoked invitation not erased answers 409 instead
        assertThat(http.post(invitation(endedId) + ":resend", "{}").status()).isEqualTo(410);
        assertThat(http.post(invitation(revokedOfPendingPerson) + ":resend", "{}").status()).isEqualTo(409);
        assertThat(http.post(invitation(stillPendingId) + ":resend", "{}").status()).isEqualTo(200);
    }

    private String storedInvitationEvents() {
        // the events as stored: their payloads hold the personal fields encrypted, so no email reads as such
        List<String> payloads = new ArrayList<>();
        mongo.getCollection("domainevents").find(new Document("aggregateType", "Invitation"))
                .forEach(event -> payloads.add(event.toJson()));
        return String.join("\n", payloads);
    }

    private static List<String> ids(JsonNode invitations) {
        List<String> ids = new ArrayList<>();
        invitations.forEach(invitation -> ids.add(invitation.get("id").asText()));
        return ids;
    }

    private Answer create(String email) {
        return http.post("/v1/orgs/" + org + "/invitations",
                "{\"email\":\"" + email + "\",\"role\":\"member\",\"disableInvitationEmail\":true}");
    }

    private Answer accept(String token) {
        return http.post("/v1/invitations:accept", "{\"token\":\"" + token + "\",\"acceptedBy\":\"user-7\"}");
    }

    private String personalData() {
        return "/v1/orgs/" + org + "/personalData";
    }

    private String invitation(String id) {
        return "/v1/orgs/" + org + "/invitations/" + id;
    }
}
