package dev.invitations.command.expiry;

import dev.invitations.command.RunningCommandSideWithShortTimes;
import dev.invitations.testing.HttpForTests.Answer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Date;
import java.util.regex.Pattern;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.elemMatch;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.regex;
import static com.mongodb.client.model.Updates.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Invitations expire when their time comes, through the persistent deadline, and only pending ones. */
class ExpiryTest extends RunningCommandSideWithShortTimes {

    private static final Duration PATIENCE = Duration.ofSeconds(10);


    @Test
    void aPendingInvitationExpiresOnTimeAndItsLinkThenAnswersGone() {
        Answer created = create("ada@" + org + ".example.com", "PT1S");
        String id = created.body().get("id").asText();

        events.await(id, "InvitationExpired", 1, PATIENCE);

        assertThat(accept(created).status()).isEqualTo(410);
        // resending brings it back with a new link, and a new deadline
        Answer resent = http.post(invitation(id) + ":resend", "{\"ttl\":\"PT1S\"}");
        assertThat(resent.status()).isEqualTo(200);
        assertThat(resent.body().get("state").asText()).isEqualTo("PENDING");
        events.await(id, "InvitationExpired", 2, PATIENCE);
    }

    @Test
    void anAcceptedOrRevokedInvitationNeverExpires() throws InterruptedException {
        Answer accepted = create("grace@" + org + ".example.com", "PT1S");
        Answer revoked = create("hopper@" + org + ".example.com", "PT1S");
        assertThat(accept(accepted).status()).isEqualTo(200);
        assertThat(http.post(invitation(revoked.body().get("id").asText()) + ":revoke", "{}").status())
                .isEqualTo(200);
        // a third one, due at the same time, shows when the deadlines of the other two would have fired
        Answer witness = create("lin@" + org + ".example.com", "PT1S");

        events.await(witness.body().get("id").asText(), "InvitationExpired", 1, PATIENCE);

        assertThat(events.of(accepted.body().get("id").asText(), "InvitationExpired")).isEmpty();
        assertThat(events.of(revoked.body().get("id").asText(), "InvitationExpired")).isEmpty();
    }

    /**
     * The expiry deadlines of earlier releases carry the expire command as their payload, under its class name in
     * shared-api, which no longer exists: such a deadline still expires the invitation.
     */
    @Test
    void anExpiryDeadlineCarryingTheExpireCommandUnderItsFormerClassNameStillExpiresTheInvitation() {
        Answer created = create("lovelace@" + org + ".example.com", "PT3S");
        String id = created.body().get("id").asText();
        Document formerPayload = new Document("type", "dev.invitations.api.invitation.ExpireInvitation")
                .append("revision", null)
                .append("data", "{\"invitationId\":\"" + id + "\"}");

        await("the expiry deadline of " + id).atMost(PATIENCE).pollInterval(Duration.ofMillis(20))
                .until(() -> mongo.getCollection("deadlines").updateOne(
                        and(eq("name", "invitation-expiry"), regex("scope.data", Pattern.quote(sagaOf(id))),
                                eq("lockedUntil", new Date(0))),
                        set("payload", formerPayload)).getMatchedCount() == 1);

        events.await(id, "InvitationExpired", 1, PATIENCE);
        assertThat(accept(created).status()).isEqualTo(410);
    }

    private String sagaOf(String invitationId) {
        Document saga = mongo.getCollection("sagas")
                .find(elemMatch("associations", and(eq("key", "invitationId"), eq("value", invitationId)))).first();
        return saga == null ? "(no saga yet)" : saga.getString("sagaIdentifier");
    }

    private Answer create(String email, String ttl) {
        Answer created = http.post("/v1/orgs/" + org + "/invitations",
                "{\"invitedEmail\":\"" + email + "\",\"role\":\"member\",\"ttl\":\"" + ttl + "\","
                        + "\"disableInvitationEmail\":true}");
        assertThat(created.status()).isEqualTo(201);
        return created;
    }

    private Answer accept(Answer created) {
        return http.post("/v1/invitations:accept",
                "{\"token\":\"" + created.body().get("invitationToken").asText() + "\"}");
    }

    private String invitation(String id) {
        return "/v1/orgs/" + org + "/invitations/" + id;
    }
}
