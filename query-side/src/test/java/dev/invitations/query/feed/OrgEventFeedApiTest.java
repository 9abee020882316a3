package dev.invitations.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** The org's audit feed over HTTP: CloudEvents, resumable cursors, long polling. */
class OrgEventFeedApiTest extends RunningQuerySide {

    @Test
    void eventsAreCloudEventsInStoredOrderWithoutTokenHashes() {
        String org = newOrg();
        String id = events.create(org, "feed@example.com", EPOCH);
        events.everyChange(org, id, "feed@example.com");

        JsonNode feed = eventually(() -> reader().get("/v1/orgs/" + org + "/events"),
                answer -> answer.body().path("events").size() == 5).body();

        JsonNode first = feed.get("events").get(0);
        assertThat(first.get("specversion").asText()).isEqualTo("1.0");
        assertThat(first.get("id").asText()).isNotBlank();
        assertThat(first.get("source").asText()).isEqualTo("urn:invitations:org:" + org);
        assertThat(first.get("type").asText()).isEqualTo("invitations.v1.InvitationCreated");
        assertThat(first.get("subject").asText()).isEqualTo("orgs/" + org + "/invitations/" + id);
        assertThat(first.get("time").asText()).isNotBlank();
        assertThat(first.get("sequence").asLong()).isZero();
        assertThat(first.get("data").get("invitedEmail").asText()).isEqualTo("feed@example.com");
        assertThat(feed.get("events").findValuesAsText("sequence")).containsExactly("0", "1", "2", "3", "4");
        assertThat(feed.toString()).doesNotContain("tokenHash");
    }

    @Test
    void aConsumerResumingFromItsCursorMissesNothingAndSeesNothingTwice() {
        String org = newOrg();
        String id = events.create(org, "resume@example.com", EPOCH);
        Answer firstRead = eventually(() -> reader().get("/v1/orgs/" + org + "/events?limit=1"),
                answer -> answer.body().path("events").size() == 1);
        String cursor = firstRead.body().get("next").asText();
        events.everyChange(org, id, "resume@example.com");

        JsonNode rest = eventually(() -> reader().get("/v1/orgs/" + org + "/events?after=" + cursor),
                answer -> answer.body().path("events").size() == 4).body();

        assertThat(rest.get("events").findValuesAsText("sequence")).containsExactly("1", "2", "3", "4");
        JsonNode none = reader().get("/v1/orgs/" + org + "/events?after=" + rest.get("next").asText()).body();
        assertThat(none.get("events")).isEmpty();
        assertThat(none.get("next").asText()).isEqualTo(rest.get("next").asText());
    }

    @Test
    void waitLongPollsUntilAnEventArrives() {
        String org = newOrg();
        CompletableFuture<Answer> polling = CompletableFuture.supplyAsync(
                () -> reader().get("/v1/orgs/" + org + "/events?wait=20"));

        events.create(org, "later@example.com", EPOCH);

        assertThat(polling.join().body().get("events")).hasSize(1);
    }

    @Test
    void badCursorsLimitsAndWaitsAre400() {
        for (String query : new String[] {"after=abc", "limit=0", "limit=1001", "wait=31", "wait=-1"}) {
            Answer answer = reader().get("/v1/orgs/" + newOrg() + "/events?" + query);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }
}
