package dev.invitations.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/orgs/{orgId}/events} with {@code Accept: application/x-ndjson}: the whole feed, streamed. */
class FeedExportApiTest extends RunningQuerySide {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NDJSON = "application/x-ndjson";
    /** More than one page of the export ({@code invitations.query.export-page-size}, 500). */
    private static final int INVITATIONS = 101;

    @Test
    void theExportHoldsEveryEventInFeedOrderAsTheJsonFeedShowsThem() throws Exception {
        String org = newOrg();
        for (int i = 0; i < INVITATIONS; i++) {
            String id = events.create(org, "export" + i + "@example.com", EPOCH.plusSeconds(i));
            events.everyChange(org, id, "export" + i + "@example.com");
        }
        int total = INVITATIONS * 5;
        eventually(() -> reader().get("/v1/orgs/" + org + "/events?limit=1000"),
                answer -> answer.body().path("events").size() == total);

        Answer export = reader().get("/v1/orgs/" + org + "/events", "Accept", NDJSON);

        assertThat(export.status()).isEqualTo(200);
        assertThat(export.contentType()).startsWith(NDJSON);
        List<JsonNode> lines = lines(export);
        assertThat(lines).hasSize(total);
        assertThat(export.text()).endsWith("\n");
        // exactly the JSON feed's events, in its order
        List<JsonNode> paged = new ArrayList<>();
        reader().get("/v1/orgs/" + org + "/events?limit=1000").body().get("events").forEach(paged::add);
        assertThat(lines).isEqualTo(paged);
        assertThat(export.text()).doesNotContain("tokenHash");

        // after a cursor: only what follows it
        Answer firstPage = reader().get("/v1/orgs/" + org + "/events?limit=7");
        String cursor = firstPage.body().get("next").asText();
        List<JsonNode> rest = lines(reader().get("/v1/orgs/" + org + "/events?after=" + cursor, "Accept", NDJSON));
        assertThat(rest).isEqualTo(paged.subList(7, total));
    }

    @Test
    void aJsonRequestStillGetsThePagedFeedAndAnEmptyOrgAnEmptyExport() {
        String org = newOrg();
        events.create(org, "json@example.com", EPOCH);
        eventually(() -> reader().get("/v1/orgs/" + org + "/events"), answer -> answer.body().path("events").size() == 1);

        for (String accept : new String[] {"application/json", "*/*"}) {
            Answer json = reader().get("/v1/orgs/" + org + "/events", "Accept", accept);
            assertThat(json.contentType()).as(accept).startsWith("application/json");
            assertThat(json.body().get("events")).hasSize(1);
            assertThat(json.body().has("next")).isTrue();
        }
        Answer empty = reader().get("/v1/orgs/" + newOrg() + "/events", "Accept", NDJSON);
        assertThat(empty.status()).isEqualTo(200);
        assertThat(empty.text()).isEmpty();
    }

    @Test
    void anExportTakesNoLimitOrWaitAndNeedsTheReadPermission() {
        String org = newOrg();
        for (String query : new String[] {"limit=10", "wait=5", "after=abc"}) {
            Answer answer = reader().get("/v1/orgs/" + org + "/events?" + query, "Accept", NDJSON);
            assertThat(answer.status()).as(query).isEqualTo(400);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
        var inviter = new dev.invitations.testing.HttpForTests(port,
                dev.invitations.security.JwtsForTests.bearer("inviter", "org.user.invite", org));
        assertThat(inviter.get("/v1/orgs/" + org + "/events", "Accept", NDJSON).status()).isEqualTo(403);
    }

    private static List<JsonNode> lines(Answer export) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : export.text().split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }
}
