package dev.invitations.system;

import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What an operator does to a running system over HTTP, as the operations guide says. */
final class Operator {

    static final String BEARER = JwtsForTests.bearer("operator", "invitations.admin");

    private Operator() {
    }

    /** Drops the query side's views, replays them from the event store, and waits until that is DONE. */
    static void rebuildViews(int queryPort, Duration settling) {
        var operator = new HttpForTests(queryPort, BEARER);
        Answer started = operator.post("/admin/views:rebuild");
        assertThat(started.status()).as("rebuild: " + started.text()).isBetween(200, 299);
        await("the rebuild").atMost(settling).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    Answer progress = operator.get("/admin/views/rebuild");
                    assertThat(progress.status()).as(progress.text()).isEqualTo(200);
                    assertThat(progress.body().path("state").asText()).as(progress.text()).isEqualTo("DONE");
                });
    }
}
