package dev.invitations.query;

import com.fasterxml.jackson.databind.JsonNode;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** The views and the feed hold every event exactly once: under concurrent writers, and across a stop. */
class ProjectionsUnderStressTest extends RunningQuerySide {

    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void twoWritersAtOnceLeaveEveryEventInTheViewsAndTheFeedExactlyOnce() {
        String org = newOrg();
        Set<String> written = ConcurrentHashMap.newKeySet();
        long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        Runnable writer = () -> {
            for (int i = 0; System.nanoTime() < until; i++) {
                String email = Thread.currentThread().getName() + "-" + i + "@example.com";
                String id = events.create(org, email, EPOCH.plusMillis(i));
                events.write(id, 1, events.revoked(org, id, email));
                written.add(id);
            }
        };
        CompletableFuture.allOf(CompletableFuture.runAsync(writer), CompletableFuture.runAsync(writer)).join();

        assertEveryEventOnce(org, written);
    }

    @Test
    void aStoppedQuerySideCatchesUpWithWhatWasWrittenMeanwhile() {
        String org = newOrg();
        List<String> before = List.of(events.create(org, "a@example.com", EPOCH));
        viewAt(org, before.get(0), 0);
        List<StreamingEventProcessor> processors = processing.eventProcessors().values().stream()
                .map(StreamingEventProcessor.class::cast).toList();
        processors.forEach(processor -> processor.shutdownAsync().join());
        Set<String> all = new HashSet<>(before);
        try {
            for (int i = 0; i < 20; i++) {
                String id = events.create(org, "b" + i + "@example.com", EPOCH.plusSeconds(i));
                events.write(id, 1, events.revoked(org, id, "b" + i + "@example.com"));
                all.add(id);
            }
            events.write(before.get(0), 1, events.revoked(org, before.get(0), "a@example.com"));
            assertThat(reader().get("/v1/orgs/" + org + "/invitations?state=ALL&limit=100").body()
                    .get("invitations")).hasSize(1);
        } finally {
            processors.forEach(StreamingEventProcessor::start);
        }

        assertEveryEventOnce(org, all);
    }

    /** Each invitation is REVOKED at version 1 in the views, and the feed holds its two events once each. */
    private void assertEveryEventOnce(String org, Set<String> ids) {
        JsonNode views = eventually(
                () -> reader().get("/v1/orgs/" + org + "/invitations?state=REVOKED&limit=100&include_total=true"),
                answer -> answer.body().path("totalSize").asLong() == ids.size()).body();
        assertThat(views.get("totalSize").asLong()).isEqualTo(ids.size());

        List<String> feed = eventually(() -> readWholeFeed(org), events -> events.size() >= 2 * ids.size());
        assertThat(feed).hasSize(2 * ids.size()).doesNotHaveDuplicates();
        Set<String> expected = new HashSet<>();
        ids.forEach(id -> {
            expected.add("orgs/" + org + "/invitations/" + id + "@0");
            expected.add("orgs/" + org + "/invitations/" + id + "@1");
        });
        assertThat(feed).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** Every event of the org's feed as subject@sequence, read page by page the way a consumer resumes. */
    private List<String> readWholeFeed(String org) {
        List<String> seen = new ArrayList<>();
        String cursor = "0";
        while (true) {
            JsonNode page = reader().get("/v1/orgs/" + org + "/events?limit=50&after=" + cursor).body();
            if (page.get("events").isEmpty()) {
                return seen;
            }
            page.get("events").forEach(event ->
                    seen.add(event.get("subject").asText() + "@" + event.get("sequence").asText()));
            cursor = page.get("next").asText();
        }
    }
}
