package dev.invitations.query;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.query.invitation.InvitationViewProjection;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.MongoForTests;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestComponent;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A projection handler that throws on one event, in the running query side: the views stop before that event instead
 * of skipping it, the failure shows in the log, in {@code /actuator/health} and in {@code /actuator/prometheus}, and
 * once the handler is fixed the processor applies the event and everything after it, and health is UP again.
 * <p>
 * Its own context and database: a second views processor on the shared token store could take the segment over
 * and apply the event without the poison.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import({EventsForTests.class, PoisonEventTest.Poison.class})
@ExtendWith(OutputCaptureExtension.class)
@AutoConfigureObservability(tracing = false) // tests leave /actuator/prometheus out unless asked
class PoisonEventTest {

    private static final Duration RETRYING = Duration.ofSeconds(60);
    private static final Duration HEALING = Duration.ofSeconds(90);

    /** Joins the views processor and fails on the creation of one chosen invitation, until it is cleared. */
    @TestComponent
    @ProcessingGroup(InvitationViewProjection.PROCESSING_GROUP)
    static class Poison {

        final AtomicReference<String> poisoned = new AtomicReference<>();
        final AtomicInteger attempts = new AtomicInteger();

        @EventHandler
        void on(InvitationCreated created) {
            if (created.invitationId().equals(poisoned.get())) {
                attempts.incrementAndGet();
                throw new IllegalStateException("poisoned event of invitation " + created.invitationId());
            }
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    EventsForTests events;

    @Autowired
    Poison poison;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "poison-event-test");
    }

    @Test
    void aFailingEventStopsTheViewsVisiblyAndTheyHealOnceItIsFixed(CapturedOutput output) throws Exception {
        String org = RunningQuerySide.newOrg();
        String before = write(org, "before@example.com");
        RunningQuerySide.eventually(() -> view(org, before), answer -> answer.status() == 200);

        String poisoned = UUID.randomUUID().toString();
        poison.poisoned.set(poisoned);
        write(org, poisoned, "poisoned@example.com");
        String after = write(org, "after@example.com");

        JsonNode health = RunningQuerySide.eventually(this::health,
                answer -> answer.status() == 503).body();
        assertThat(health.at("/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/eventProcessors/status").asText()).isEqualTo("DOWN");
        assertThat(health.at("/components/eventProcessors/details/invitation-views/error").asText())
                .contains("poisoned event of invitation " + poisoned);
        assertThat(prometheus()).contains(failingGauge(1));
        assertThat(output).contains("event processor invitation-views cannot apply its events");
        // a retry, after the processor's backoff: it may not skip the event either
        RunningQuerySide.eventually(poison.attempts::get, attempts -> attempts >= 2, RETRYING);
        assertThat(view(org, poisoned).status()).as("the poisoned invitation's view").isEqualTo(404);
        assertThat(view(org, after).status()).as("the view of an invitation after it").isEqualTo(404);
        assertThat(health().status()).isEqualTo(503);

        poison.poisoned.set(null); // the fix
        long fixedAt = System.nanoTime();

        RunningQuerySide.eventually(() -> view(org, after), answer -> answer.status() == 200, HEALING);
        assertThat(view(org, poisoned).status()).isEqualTo(200);
        assertThat(view(org, before).status()).isEqualTo(200);
        JsonNode healed = RunningQuerySide.eventually(this::health, answer -> answer.status() == 200).body();
        assertThat(healed.at("/components/eventProcessors/status").asText()).isEqualTo("UP");
        assertThat(prometheus()).contains(failingGauge(0))
                // Axon's timers per processor and event type; its capacity windows are left out (AxonMessageMetrics)
                .contains("eventProcessor_successTimer_seconds_count{", "processorName=\"invitation-views\"")
                .doesNotContain("eventProcessor_capacity");
        assertThat(output).contains("event processor invitation-views applies its events again");
        System.out.printf("the views healed %d ms after the fix%n",
                Duration.ofNanos(System.nanoTime() - fixedAt).toMillis());
    }

    private String write(String org, String email) {
        return write(org, UUID.randomUUID().toString(), email);
    }

    private String write(String org, String id, String email) {
        events.write(id, 0, events.created(id, org, email, "member", Map.of(), "admin-1", EventsForTests.EPOCH));
        return id;
    }

    private HttpForTests.Answer view(String org, String id) {
        return new HttpForTests(port, JwtsForTests.bearer("reader-1", "org.user.read", "*"))
                .get("/v1/orgs/" + org + "/invitations/" + id);
    }

    private HttpForTests.Answer health() {
        return operator().get("/actuator/health");
    }

    private String prometheus() {
        return operator().get("/actuator/prometheus").text();
    }

    private HttpForTests operator() {
        return new HttpForTests(port, JwtsForTests.bearer("operator", "invitations.admin", "*"));
    }

    private static String failingGauge(int value) {
        return "invitations_event_processor_failing{processor=\"invitation-views\"} " + value + ".0";
    }
}
