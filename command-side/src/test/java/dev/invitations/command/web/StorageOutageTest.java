package dev.invitations.command.web;

import dev.invitations.command.FreePorts;
import dev.invitations.command.web.HttpClientForTests.Answer;
import dev.invitations.embeddedmongo.EmbeddedMongoServer;
import dev.invitations.security.JwtsForTests;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side while its MongoDB is gone: answers 503 with Retry-After (never a 500, never a hang), reports
 * itself not ready, and recovers by itself when the server is back, with what was acknowledged before intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorageOutageTest {

    private static final Path DATA = createTempDirectory();
    private static final int MONGO_PORT = FreePorts.unused();
    private static EmbeddedMongoServer mongo = startMongo();

    @LocalServerPort
    int port;

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
        var http = new HttpClientForTests(port, JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*"));
        Answer before = create(http, "before@example.com");
        assertThat(before.status()).isEqualTo(201);

        mongo.close();
        Answer during = create(http, "during@example.com");
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.contentType()).startsWith("application/problem+json");
        assertThat(during.header("Retry-After")).isPresent();
        assertThat(http.send("GET", "/actuator/health/readiness", null).status()).isEqualTo(503);

        mongo = startMongo();
        Answer after = retryUntilCreated(http);
        assertThat(after.status()).isEqualTo(201);
        assertThat(http.send("GET", "/actuator/health/readiness", null).status()).isEqualTo(200);
        String token = before.body().get("invitationToken").asText();
        assertThat(http.post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
    }

    private static Answer retryUntilCreated(HttpClientForTests http) throws InterruptedException {
        Instant giveUp = Instant.now().plus(Duration.ofSeconds(30));
        Answer answer = create(http, "after@example.com");
        while (answer.status() != 201 && Instant.now().isBefore(giveUp)) {
            assertThat(answer.status()).isEqualTo(503);
            Thread.sleep(200);
            answer = create(http, "after@example.com");
        }
        return answer;
    }

    private static Answer create(HttpClientForTests http, String email) {
        return http.post("/v1/orgs/acme/invitations", "{\"invitedEmail\":\"" + email + "\",\"role\":\"member\"}");
    }

    private static EmbeddedMongoServer startMongo() {
        return EmbeddedMongoServer.durable(DATA.resolve("outage.mv.db"), "127.0.0.1", MONGO_PORT);
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("outage-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
