package dev.invitations.query.web;

import dev.invitations.embeddedmongo.EmbeddedMongoServer;
import dev.invitations.query.EventsForTests;
import dev.invitations.query.HttpForTests;
import dev.invitations.query.HttpForTests.Answer;
import dev.invitations.security.JwtsForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final Path DATA = createTempDirectory();
    private static final int MONGO_PORT = freePort();
    private static final Duration FEW_SECONDS = Duration.ofSeconds(5);
    private static EmbeddedMongoServer mongo = startMongo();

    @LocalServerPort
    int port;

    @Autowired
    EventsForTests events;

    @DynamicPropertySource
    static void ownMongo(DynamicPropertyRegistry registry) {
        registry.add("spring.data.mongodb.uri", () -> mongo.connectionString() + "/outage");
        registry.add("invitations.event-store.storage-timeout", () -> "1s");
    }

    @AfterAll
    static void stopMongo() {
        mongo.close();
    }

    @Test
    void answers503WhileStorageIsDownAndRecoversWhenItIsBack() throws Exception {
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
        Answer before = retryUntil200(reads.get(1), 404); // until the view has it
        for (Supplier<Answer> read : reads) {
            assertThat(retryUntil200(read, 404).status()).isEqualTo(200);
        }

        mongo.close();
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

        mongo = startMongo();
        for (Supplier<Answer> read : reads) {
            Answer after = retryUntil200(read, 503);
            assertThat(after.status()).as(after.raw().uri().toString()).isEqualTo(200);
        }
        assertThat(invitee.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(reads.get(1).get().body()).isEqualTo(before.body());
        assertThat(reads.get(3).get().body().get("events")).hasSize(1);
    }

    /** Retries while the answer is {@code meanwhile}, the only other answer allowed. */
    private static Answer retryUntil200(Supplier<Answer> read, int meanwhile) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        Answer answer = read.get();
        while (answer.status() != 200 && Instant.now().isBefore(giveUp)) {
            assertThat(answer.status()).as(answer.raw().uri() + " " + answer.text()).isEqualTo(meanwhile);
            Thread.sleep(200);
            answer = read.get();
        }
        return answer;
    }

    private static EmbeddedMongoServer startMongo() {
        return EmbeddedMongoServer.durable(DATA.resolve("outage.mv.db"), "127.0.0.1", MONGO_PORT);
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("query-outage-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
