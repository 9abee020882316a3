package dev.invitations.command.web;

import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import dev.invitations.testing.RestartableMongo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command side while its MongoDB is gone: answers 503 with Retry-After (never a 500, never a hang), reports
 * itself not ready, and recovers by itself when the server is back, with what was acknowledged before intact.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StorageOutageTest {

    @RegisterExtension
    static final RestartableMongo MONGO = new RestartableMongo("outage-test");

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void ownMongo(DynamicPropertyRegistry registry) {
        MONGO.use(registry, "outage");
    }

    @Test
    void answers503WhileStorageIsDownAndRecoversWhenItIsBack() {
        var http = new HttpForTests(port, JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*"));
        Answer before = create(http, "before@example.com");
        assertThat(before.status()).isEqualTo(201);
        var withKey = new HttpForTests(port, "Bearer " + http.post("/v1/orgs/acme/apiKeys",
                "{\"name\":\"CI\",\"scopes\":[\"org.user.invite\"]}").body().get("key").asText());

        MONGO.stop();
        Answer during = create(http, "during@example.com");
        assertThat(during.status()).isEqualTo(503);
        assertThat(during.contentType()).startsWith("application/problem+json");
        assertThat(during.header("Retry-After")).isPresent();
        assertThat(http.send("GET", "/actuator/health/readiness", null).status()).isEqualTo(503);
        // an API key that cannot be looked up is no revoked key: 503, never 401
        Answer keyDuring = create(withKey, "key-during@example.com");
        assertThat(keyDuring.status()).isEqualTo(503);
        assertThat(keyDuring.header("Retry-After")).isPresent();

        MONGO.start();
        Answer after = HttpForTests.retryUntil(201, 503, () -> create(http, "after@example.com"));
        assertThat(after.status()).isEqualTo(201);
        assertThat(HttpForTests.retryUntil(201, 503, () -> create(withKey, "key-after@example.com")).status())
                .isEqualTo(201);
        assertThat(http.send("GET", "/actuator/health/readiness", null).status()).isEqualTo(200);
        String token = before.body().get("invitationToken").asText();
        assertThat(http.post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}").status()).isEqualTo(200);
    }

    private static Answer create(HttpForTests http, String email) {
        return http.post("/v1/orgs/acme/invitations", "{\"invitedEmail\":\"" + email + "\",\"role\":\"member\"}");
    }
}
