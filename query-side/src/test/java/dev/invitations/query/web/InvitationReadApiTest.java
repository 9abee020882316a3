package dev.invitations.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** One invitation over HTTP: get with ETag and minVersion, its history, and the invitee's lookup by token. */
class InvitationReadApiTest extends RunningQuerySide {

    @Test
    void getAnswersTheResourceWithItsVersionAsETag() {
        String org = newOrg();
        String id = events.create(org, "Ada@Example.com", EPOCH);

        JsonNode view = viewAt(org, id, 0);

        assertThat(view.get("name").asText()).isEqualTo("orgs/" + org + "/invitations/" + id);
        assertThat(view.get("urn").asText()).isEqualTo("urn:invitations:org:" + org + ":invitation/" + id);
        assertThat(view.get("invitedEmail").asText()).isEqualTo("Ada@Example.com");
        assertThat(view.get("state").asText()).isEqualTo("PENDING");
        assertThat(view.get("createTime").asText()).isEqualTo("2026-11-21T09:00:00.123456Z");
        assertThat(view.get("delivery").get("status").asText()).isEqualTo("QUEUED");
        assertThat(view.has("tokenHash")).isFalse();
        assertThat(view.has("version")).isFalse();
    }

    @Test
    void minVersionWaitsForTheViewAndSaysWhenItGaveUp() {
        String org = newOrg();
        String id = events.create(org, "wait@example.com", EPOCH);
        viewAt(org, id, 0);
        String path = "/v1/orgs/" + org + "/invitations/" + id;

        events.write(id, 1, events.revoked(org, id, "wait@example.com"));
        Answer caughtUp = reader().get(path + "?minVersion=1");
        Answer tooFar = reader().get(path + "?minVersion=7");

        assertThat(caughtUp.header("ETag")).hasValue("\"1\"");
        assertThat(caughtUp.header("Min-Version-Reached")).hasValue("true");
        assertThat(caughtUp.body().get("state").asText()).isEqualTo("REVOKED");
        assertThat(tooFar.status()).isEqualTo(200);
        assertThat(tooFar.header("Min-Version-Reached")).hasValue("false");
        assertThat(reader().get(path + "?minVersion=-1").status()).isEqualTo(400);
    }

    @Test
    void anInvitationIsNotFoundUnderAnotherOrgNorWhenUnknown() {
        String org = newOrg();
        String id = events.create(org, "mine@example.com", EPOCH);
        viewAt(org, id, 0);

        for (String path : new String[] {"/v1/orgs/" + newOrg() + "/invitations/" + id,
                "/v1/orgs/" + org + "/invitations/no-such-id", "/v1/orgs/" + newOrg() + "/invitations/" + id
                + "/history"}) {
            Answer answer = reader().get(path);
            assertThat(answer.status()).as(path).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void historyListsEveryEventOldestFirstWithActorAndNoTokenHash() {
        String org = newOrg();
        String id = events.create(org, "hist@example.com", EPOCH);
        events.everyChange(org, id, "hist@example.com");

        JsonNode history = reader().get("/v1/orgs/" + org + "/invitations/" + id + "/history").body().get("events");

        assertThat(history.findValuesAsText("type")).containsExactly("InvitationCreated", "InvitationUpdated",
                "InvitationExpired", "InvitationResent", "InvitationDeclined");
        assertThat(history.findValuesAsText("sequence")).containsExactly("0", "1", "2", "3", "4");
        assertThat(history.get(0).get("actor").asText()).isEqualTo("admin-1");
        assertThat(history.get(1).get("actor").asText()).isEqualTo("admin-2");
        assertThat(history.get(2).get("actor").isNull()).isTrue();
        assertThat(history.get(0).get("time").asText()).isNotBlank();
        assertThat(history.get(0).get("data").get("invitedEmail").asText()).isEqualTo("hist@example.com");
        assertThat(history.toString()).doesNotContain("tokenHash").doesNotContain(events.tokenOf(id, 1));
    }

    @Test
    void lookupByTokenShowsWhatTheInviteeMaySeeAndOnlyForTheCurrentToken() {
        String org = newOrg();
        String id = events.create(org, "look@example.com", EPOCH);
        viewAt(org, id, 0);
        var anonymous = new HttpForTests(port, null);

        Answer found = anonymous.get("/v1/invitations:lookup?token=" + events.tokenOf(id, 1));

        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body().get("orgId").asText()).isEqualTo(org);
        assertThat(found.body().get("invitedEmail").asText()).isEqualTo("look@example.com");
        assertThat(found.body().get("state").asText()).isEqualTo("PENDING");
        assertThat(found.body().get("role").asText()).isEqualTo("member");
        assertThat(found.body().get("inviter").asText()).isEqualTo("Ada");
        assertThat(found.body().has("expirationTime")).isTrue();
        assertThat(found.body().has("id")).isFalse();
        assertThat(anonymous.get("/v1/invitations:lookup?token=" + events.tokenOf(id, 2)).status()).isEqualTo(404);
        assertThat(anonymous.get("/v1/invitations:lookup?token=not-a-token").status()).isEqualTo(404);
        assertThat(anonymous.get("/v1/invitations:lookup").status()).isEqualTo(400);
    }

    @Test
    void readsNeedABearerTokenWithTheReadPermission() {
        String path = "/v1/orgs/" + newOrg() + "/invitations";

        assertThat(new HttpForTests(port, null).get(path).status()).isEqualTo(401);
        assertThat(new HttpForTests(port, JwtsForTests.bearer("x", "org.user.invite", "*")).get(path).status())
                .isEqualTo(403);
    }
}
