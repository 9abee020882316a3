package dev.invitations.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import dev.invitations.command.RunningCommandSide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** The command API of the contract, over HTTP against the running command side and a real MongoDB wire server. */
class InvitationCommandApiTest extends RunningCommandSide {

    private static final String EVENTS = "domainevents";

    @Test
    void createAnswers201WithLocationETagAndTheToken() {
        Answer created = create("Ada.Lovelace@Example.com");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        assertThat(created.header("Location")).hasValue("/v1/orgs/" + org + "/invitations/" + id);
        assertThat(created.header("ETag")).hasValue("\"0\"");
        assertThat(created.body().get("name").asText()).isEqualTo("orgs/" + org + "/invitations/" + id);
        assertThat(created.body().get("state").asText()).isEqualTo("PENDING");
        assertThat(created.body().get("invitedEmail").asText()).isEqualTo("Ada.Lovelace@Example.com");
        String token = created.body().get("invitationToken").asText();
        assertThat(token).matches("[A-Za-z0-9_-]{43,}");
        assertThat(created.body().get("invitationUri").asText()).isEqualTo("http://localhost:8081/invite?token=" + token);
    }

    @Test
    void theCallersSubjectIsRecordedNeverTheBody() {
        var alice = new HttpForTests(port, JwtsForTests.bearer("alice", JwtsForTests.EVERYTHING, org));
        var bob = new HttpForTests(port, JwtsForTests.bearer("bob", "org.user.invite", org));
        String id = alice.post("/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"kay@example.com\",\"role\":\"member\",\"creator\":\"mallory\"}")
                .body().get("id").asText();

        Answer revoked = bob.post(invitation(id) + ":revoke", "{\"revokedBy\":\"mallory\"}");

        assertThat(revoked.body().get("creator").asText()).isEqualTo("alice");
        assertThat(revoked.body().get("updater").asText()).isEqualTo("bob");
        assertThat(revoked.body().get("revokedBy").asText()).isEqualTo("bob");
    }

    @Test
    void writesNeedABearerTokenGrantingInviteOnTheOrgButTheInviteeNeedsNone() {
        String body = "{\"invitedEmail\":\"kay@example.com\",\"role\":\"member\"}";
        var anonymous = new HttpForTests(port, null);
        var reader = new HttpForTests(port, JwtsForTests.bearer("carol", "org.user.read", org));
        var otherOrg = new HttpForTests(port, JwtsForTests.bearer("dave", JwtsForTests.EVERYTHING, "globex"));

        assertThat(anonymous.post("/v1/orgs/" + org + "/invitations", body).status()).isEqualTo(401);
        assertThat(reader.post("/v1/orgs/" + org + "/invitations", body).status()).isEqualTo(403);
        assertThat(otherOrg.post("/v1/orgs/" + org + "/invitations", body).status()).isEqualTo(403);

        String token = create("kay@example.com").body().get("invitationToken").asText();
        Answer accepted = anonymous.post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}");
        assertThat(accepted.status()).isEqualTo(200);
    }

    @Test
    void aSecondPendingInvitationForTheSameEmailInOtherCaseAndSpacesIsAConflict() {
        assertThat(create("grace@example.com").status()).isEqualTo(201);

        Answer duplicate = create("  GRACE@Example.COM ");

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).startsWith("application/problem+json");
        assertThat(duplicate.body().get("type").asText()).endsWith("duplicate-pending");
    }

    @Test
    void theSameEmailMayBeInvitedAgainOnceTheFirstInvitationIsRevoked() {
        String first = create("linus@example.com").body().get("id").asText();
        assertThat(http.post(invitation(first) + ":revoke", "{}").status()).isEqualTo(200);

        assertThat(create("linus@example.com").status()).isEqualTo(201);
    }

    @Test
    void resendIssuesANewTokenAndTheOldOneNoLongerAccepts() {
        Answer created = create("barbara@example.com");
        String id = created.body().get("id").asText();
        String oldToken = created.body().get("invitationToken").asText();

        Answer resent = http.post(invitation(id) + ":resend", "{\"ttl\":\"PT48H\"}");

        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body().get("sendCount").asInt()).isEqualTo(2);
        String newToken = resent.body().get("invitationToken").asText();
        assertThat(newToken).isNotEqualTo(oldToken);
        assertThat(accept(oldToken).status()).isEqualTo(410);
        Answer accepted = accept(newToken);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().get("state").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    void revokingTwiceIsAConflictTheSecondTime() {
        String id = create("alan@example.com").body().get("id").asText();

        Answer revoked = http.post(invitation(id) + ":revoke", "{\"reason\":\"wrong address\"}");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("state").asText()).isEqualTo("REVOKED");
        assertThat(revoked.body().get("revokeReason").asText()).isEqualTo("wrong address");

        assertThat(http.post(invitation(id) + ":revoke", "{}").status()).isEqualTo(409);
    }

    @Test
    void acceptingTwiceIsAConflictAndRevokedOrDeclinedTokensAreGone() {
        String token = create("edsger@example.com").body().get("invitationToken").asText();
        assertThat(accept(token).status()).isEqualTo(200);
        assertThat(accept(token).status()).isEqualTo(409);

        Answer declinedOne = create("tony@example.com");
        String declineToken = declinedOne.body().get("invitationToken").asText();
        Answer declined = http.post("/v1/invitations:decline", "{\"token\":\"" + declineToken + "\"}");
        assertThat(declined.body().get("state").asText()).isEqualTo("DECLINED");
        assertThat(accept(declineToken).status()).isEqualTo(410);

        Answer revokedOne = create("niklaus@example.com");
        http.delete(invitation(revokedOne.body().get("id").asText()));
        assertThat(accept(revokedOne.body().get("invitationToken").asText()).status()).isEqualTo(410);
    }

    @Test
    void unknownInvitationsAndTokensAreNotFound() {
        String unknown = UUID.randomUUID().toString();
        for (Answer answer : List.of(
                http.post(invitation(unknown) + ":revoke", "{}"),
                http.post(invitation(unknown) + ":resend", "{}"),
                http.patch(invitation(unknown), "{\"role\":\"admin\"}"),
                http.delete(invitation(unknown)),
                http.post(invitation("not-a-uuid") + ":revoke", "{}"),
                accept("not-a-token"))) {
            assertThat(answer.status()).isEqualTo(404);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void anInvitationIsNotFoundThroughAnotherOrg() {
        String id = create("margaret@example.com").body().get("id").asText();

        Answer elsewhere = http.post("/v1/orgs/other-org/invitations/" + id + ":revoke", "{}");

        assertThat(elsewhere.status()).isEqualTo(404);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "missing email             | {\"role\":\"member\"}                                          | invitedEmail",
            "not an email              | {\"invitedEmail\":\"nobody\",\"role\":\"member\"}              | invitedEmail",
            "email of the wrong type   | {\"invitedEmail\":42,\"role\":\"member\"}                       | invitedEmail",
            "missing roles             | {\"invitedEmail\":\"a@example.com\"}                           | roles",
            "role with capitals        | {\"invitedEmail\":\"a@example.com\",\"role\":\"Admin\"}         | role",
            "ttl below the minimum     | {\"invitedEmail\":\"a@example.com\",\"role\":\"r\",\"ttl\":\"PT1M\"} | ttl",
            "ttl above the maximum     | {\"invitedEmail\":\"a@example.com\",\"role\":\"r\",\"ttl\":\"3000000s\"} | ttl",
            "ttl that is no duration   | {\"invitedEmail\":\"a@example.com\",\"role\":\"r\",\"ttl\":\"soon\"} | ttl",
            "expiry in the past        | {\"invitedEmail\":\"a@example.com\",\"role\":\"r\",\"expirationTime\":\"2020-01-01T00:00:00Z\"} | expirationTime",
            "expiry not a timestamp    | {\"invitedEmail\":\"a@example.com\",\"role\":\"r\",\"expirationTime\":\"tomorrow\"} | expirationTime",
            "label key with capitals   | {\"invitedEmail\":\"a@example.com\",\"role\":\"r\",\"labels\":{\"Team\":\"x\"}} | labels.Team",
            "label value not a string  | {\"invitedEmail\":\"a@example.com\",\"role\":\"r\",\"labels\":{\"team\":1}} | labels.team",
            "flag that is a string     | {\"invitedEmail\":\"a@example.com\",\"role\":\"r\",\"disableInvitationEmail\":\"yes\"} | disableInvitationEmail",
    })
    void invalidBodiesAreRejectedNamingTheFieldAndStoreNothing(String why, String body, String field) {
        long eventsBefore = eventsOfRequests();

        Answer answer = http.post("/v1/orgs/" + org + "/invitations", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(fieldsOf(answer)).contains(field);
        assertThat(eventsOfRequests()).isEqualTo(eventsBefore);
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswer() {
        Answer answer = http.post("/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"x\",\"role\":\"Bad Role\",\"inviter\":\"" + "a".repeat(300) + "\"}");

        assertThat(fieldsOf(answer)).containsExactlyInAnyOrder("invitedEmail", "role", "inviter");
    }

    @Test
    void malformedJsonAndWrongContentTypeAreProblems() {
        Answer malformed = http.post("/v1/orgs/" + org + "/invitations", "{\"invitedEmail\":");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.contentType()).startsWith("application/problem+json");

        Answer wrongType = http.send("POST", "/v1/orgs/" + org + "/invitations", null,
                "Content-Type", "text/plain");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(wrongType.contentType()).startsWith("application/problem+json");
    }

    @Test
    void anInvalidOrgIdIsRejected() {
        Answer answer = http.post("/v1/orgs/bad%20org/invitations", "{\"invitedEmail\":\"a@example.com\",\"role\":\"r\"}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldsOf(answer)).contains("orgId");
    }

    @Test
    void patchChangesTheRoleAndHonoursIfMatch() {
        String id = create("john@example.com").body().get("id").asText();

        Answer updated = http.patch(invitation(id), "{\"role\":\"admin\"}", "If-Match", "\"0\"");
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("role").asText()).isEqualTo("admin");
        assertThat(updated.header("ETag")).hasValue("\"1\"");

        Answer stale = http.patch(invitation(id), "{\"role\":\"owner\"}", "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);

        Answer unchanged = http.patch(invitation(id), "{\"role\":\"admin\"}");
        assertThat(unchanged.header("ETag")).hasValue("\"1\"");
    }

    @Test
    void aRecordOfTheEmailsDeliveryDoesNotMakeIfMatchStale() {
        String address = "mary@" + org + ".example.com";
        String id = http.post("/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"" + address + "\",\"role\":\"member\"}").body().get("id").asText();
        events.await(id, "InvitationEmailSent", 1, Duration.ofSeconds(10));

        Answer updated = http.patch(invitation(id), "{\"role\":\"admin\"}", "If-Match", "\"0\"");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.header("ETag")).hasValue("\"2\"");
        assertThat(http.patch(invitation(id), "{\"role\":\"owner\"}", "If-Match", "\"1\"").status()).isEqualTo(412);
    }

    @Test
    void patchMayOnlySetTheStateToRevoked() {
        String id = create("frances@example.com").body().get("id").asText();

        assertThat(http.patch(invitation(id), "{\"state\":\"ACCEPTED\"}").status()).isEqualTo(409);
        assertThat(http.patch(invitation(id), "{\"state\":\"ASLEEP\"}").status()).isEqualTo(400);

        Answer revoked = http.patch(invitation(id), "{\"state\":\"REVOKED\"}");
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(revoked.body().get("state").asText()).isEqualTo("REVOKED");
        assertThat(http.patch(invitation(id), "{\"role\":\"admin\"}").status()).isEqualTo(409);
    }

    @Test
    void deleteCancelsAPendingInvitationOnce() {
        String id = create("ken@example.com").body().get("id").asText();

        assertThat(http.delete(invitation(id)).status()).isEqualTo(204);
        assertThat(http.delete(invitation(id)).status()).isEqualTo(409);
    }

    @Test
    void ofTwentyConcurrentCreatesForOneEmailExactlyOneSucceeds() throws Exception {
        int racers = 20;
        var start = new CountDownLatch(1);
        List<Callable<Integer>> creates = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            String spelling = i % 2 == 0 ? "race@example.com" : " RACE@example.com";
            creates.add(() -> {
                start.await();
                return create(spelling).status();
            });
        }
        var pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Integer>> answers = creates.stream().map(pool::submit).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Without an email: the saga's records of its delivery would move the versions these tests expect. */
    private Answer create(String email) {
        return http.post("/v1/orgs/" + org + "/invitations",
                "{\"email\":\"" + email + "\",\"role\":\"member\",\"inviter\":\"Ada\",\"disableInvitationEmail\":true}");
    }

    /**
     * The stored events a request can cause. The saga and the deadlines of other tests' invitations record emails and
     * expiries meanwhile, in the same store.
     */
    private long eventsOfRequests() {
        return mongo.getCollection(EVENTS).countDocuments(Filters.nin("payloadType",
                "dev.invitations.api.invitation.InvitationEmailSent",
                "dev.invitations.api.invitation.InvitationEmailFailed",
                "dev.invitations.api.invitation.InvitationExpired"));
    }

    private Answer accept(String token) {
        return http.post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}");
    }

    private String invitation(String id) {
        return "/v1/orgs/" + org + "/invitations/" + id;
    }

    private static List<String> fieldsOf(Answer problem) {
        List<String> fields = new ArrayList<>();
        problem.body().path("errors").forEach((JsonNode error) -> fields.add(error.get("field").asText()));
        return fields;
    }
}
