package dev.invitations.query.web;

import dev.invitations.query.EventsForTests;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import dev.invitations.testing.RestartableMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query side while its MongoDB is gone: every read answers 503 with Retry-After (never a 500, never a hang),
 * the side reports itself not ready, and it recovers by itself when the server is back on the same data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(EventsForTests.class)
class StorageOutageTest {

    @RegisterExtension
    static final RestartableMongo MONGO = new RestartableMongo("query-outage-test");
    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);

    @LocalServerPort
    int port;

    @Autowired
    EventsForTests events;

    @DynamicPropertySource
    static void ownMongo(DynamicPropertyRegistry registry) {
        MONGO.use(registry, "outage");
    }

    @Test
    void answers503WhileStorageIsDownAndRecoversWhenItIsBack() {
        var reader = new HttpForTests(port, JwtsForTests.bearer("reader-1", "org.user.read", "*"));
        var invitee = new HttpForTests(port, null);
        String id = events.create("acme", "before@example.com", Instant.now());
        String token = events.tokenOf(id, 1);
        List<Supplier<Answer>> reads = List.of(
                () -> reader.get("/v1/orgs/acme/invitations?include_total=true"),
                () -> reader.get("/v1/orgs/acme/invitations/" + id),
                () -> reader.get("/v1/orgs/acme/invitations/" + id + "?minVersion=0"),
                () -> reader.get("/v1/orgs/acme/invitations/" + id + "/history"),
                () -> reader.get("/v1/orgs/acme/events?wait=1"),
                () -> invitee.get("/v1/invitations:lookup?token=" + token),
                () -> invitee.get("/invite?token=" + token));
        Answer before = HttpForTests.retryUntil(200, 404, reads.get(1)); // until the view has it
        for (Supplier<Answer> read : reads) {
            assertThat(HttpForTests.retryUntil(200, 404, read).status()).isEqualTo(200);
        }

        MONGO.stop();
        for (Supplier<Answer> read : reads) {
            long start = System.nanoTime();
            Answer during = read.get();
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(during.status()).as(during.raw().uri() + " " + during.text()).isEqualTo(503);
            assertThat(during.contentType()).startsWith("application/problem+json");
            assertThat(during.header("Retry-After")).isPresent();
            assertThat(took).as(during.raw().uri().toString()).isLessThan(FEW_SECONDS);
        }
        assertThat(invitee.get("/actuator/health/readiness").status()).isEqualTo(503);

        MONGO.start();
        for (Supplier<Answer> read : reads) {
            Answer after = HttpForTests.retryUntil(200, 503, read);
            assertThat(after.status()).as(after.raw().uri().toString()).isEqualTo(200);
        }
        assertThat(invitee.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(reads.get(1).get().body()).isEqualTo(before.body());
        assertThat(reads.get(3).get().body().get("events")).hasSize(1);
    }
}
