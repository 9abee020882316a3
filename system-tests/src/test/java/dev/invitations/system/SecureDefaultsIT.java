package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.api.token.InvitationTokens;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged sides as a deployment meets them: no start without secrets of its own outside the {@code local}
 * profile, token keys that rotate without breaking links, and operators' endpoints closed to everyone else.
 */
class SecureDefaultsIT {

    private static final String TOKEN_SECRET = "a-deployment's-own-token-secret-of-48-characters";
    private static final String ROTATED_SECRET = "the-next-token-secret-after-rotation-48-characters";
    private static final String JWT_SECRET = "a-deployment's-own-jwt-secret-of-at-least-32-bytes";
    private static final String PERSONAL_DATA_SECRET = "a-deployment's-own-personal-data-secret-of-48-chars";
    private static final String API_KEY_SECRET = "a-deployment's-own-api-key-secret-of-48-characters";
    private static final String WEBHOOKS_SECRET_KEY = "a-deployment's-own-webhook-secret-key-of-48-chars";

    @Test
    void eachSideRefusesToStartWithoutItsOwnSecretsAndNamesTheOneMissing() throws Exception {
        try (var system = new LocalSystem().set("SPRING_PROFILES_ACTIVE", "")) {
            system.startMongo();
            Path side = JavaProcess.COMMAND_SIDE;
            system.set("INVITATIONS_PERSONAL_DATA_SECRET", PERSONAL_DATA_SECRET)
                    .set("INVITATIONS_API_KEY_SECRET", API_KEY_SECRET)
                    .set("INVITATIONS_WEBHOOKS_SECRET_KEY", WEBHOOKS_SECRET_KEY);
            assertRefuses(system, side, "invitations.token-secret is not set", "INVITATIONS_TOKEN_SECRET");
            system.set("INVITATIONS_TOKEN_SECRET", "local-development-token-secret-not-for-production");
            assertRefuses(system, side, "invitations.token-secret holds a built-in value", "INVITATIONS_TOKEN_SECRET");
            system.set("INVITATIONS_TOKEN_SECRET", TOKEN_SECRET);
            assertRefuses(system, side, "invitations.jwt-secret is not set", "INVITATIONS_JWT_SECRET");
            system.set("INVITATIONS_JWT_SECRET", JwtsForTests.LOCAL_SECRET);
            assertRefuses(system, side, "invitations.jwt-secret holds a built-in value", "INVITATIONS_JWT_SECRET");
            system.set("INVITATIONS_JWT_SECRET", JWT_SECRET).set("INVITATIONS_PERSONAL_DATA_SECRET", "");
            assertRefuses(system, side, "invitations.personal-data-secret is not set",
                    "INVITATIONS_PERSONAL_DATA_SECRET");
            system.set("INVITATIONS_PERSONAL_DATA_SECRET", "local-development-personal-data-secret-not-for-production");
            assertRefuses(system, side, "invitations.personal-data-secret holds a built-in value",
                    "INVITATIONS_PERSONAL_DATA_SECRET");
            system.set("INVITATIONS_PERSONAL_DATA_SECRET", PERSONAL_DATA_SECRET).set("INVITATIONS_API_KEY_SECRET", "");
            assertRefuses(system, side, "invitations.api-key-secret is not set", "INVITATIONS_API_KEY_SECRET");
            system.set("INVITATIONS_API_KEY_SECRET", "local-development-api-key-secret-not-for-production");
            assertRefuses(system, side, "invitations.api-key-secret holds a built-in value",
                    "INVITATIONS_API_KEY_SECRET");
            system.set("INVITATIONS_API_KEY_SECRET", API_KEY_SECRET)
                    .set("INVITATIONS_WEBHOOKS_SECRET_KEY", "");
            assertRefuses(system, side, "invitations.webhooks.secret-key is not set",
                    "INVITATIONS_WEBHOOKS_SECRET_KEY");
            system.set("INVITATIONS_WEBHOOKS_SECRET_KEY", "local-development-webhook-secret-key-not-for-production");
            assertRefuses(system, side, "invitations.webhooks.secret-key holds a built-in value",
                    "INVITATIONS_WEBHOOKS_SECRET_KEY");
            system.set("INVITATIONS_WEBHOOKS_SECRET_KEY", WEBHOOKS_SECRET_KEY);
            system.set("INVITATIONS_JWT_SECRET", JwtsForTests.LOCAL_SECRET);
            // the query side runs the same checks (api-security's): one of each kind shows they are there
            assertRefuses(system, JavaProcess.QUERY_SIDE, "invitations.jwt-secret holds a built-in value");
            system.set("INVITATIONS_TOKEN_SECRET", "");
            assertRefuses(system, JavaProcess.QUERY_SIDE, "invitations.token-secret is not set");

            system.set("INVITATIONS_TOKEN_SECRET", TOKEN_SECRET).set("INVITATIONS_JWT_SECRET", JWT_SECRET);
            int port = JavaProcess.freePort();
            system.startCommandSide(port);
            String admin = "Bearer " + JwtsForTests.signed(JWT_SECRET, "operator", "invitations.admin", List.of(),
                    Instant.now().plusSeconds(600));
            assertThat(get(port, "/actuator/health/readiness", null).status()).isEqualTo(200);
            assertThat(get(port, "/v3/api-docs", null).status()).isEqualTo(401);
            assertThat(get(port, "/v3/api-docs", admin).status()).isEqualTo(200);
        }
    }

    @Test
    void metricsNeedTheAdminScopeOnTheApiPortAndNothingOnTheManagementPort() throws Exception {
        try (var system = new LocalSystem()) {
            system.startMongo();
            int apiPort = JavaProcess.freePort();
            int queryPort = JavaProcess.freePort();
            system.startCommandSide(apiPort);
            int managementPort = JavaProcess.freePort();
            // ready is answered on the management port now
            system.set("MANAGEMENT_SERVER_PORT", String.valueOf(managementPort)).launch(JavaProcess.QUERY_SIDE, queryPort)
                    .awaitReady(managementPort);

            assertThat(get(apiPort, "/actuator/prometheus", null).status()).isEqualTo(401);
            assertThat(get(apiPort, "/actuator/prometheus",
                    JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*")).status()).isEqualTo(403);
            var metrics = get(apiPort, "/actuator/prometheus",
                    JwtsForTests.bearer("operator", "invitations.admin"));
            assertThat(metrics.status()).isEqualTo(200);
            assertThat(metrics.text()).contains("jvm_memory_used_bytes",
                    "invitations_event_processor_lag_positions{processor=\"InvitationSagaProcessor\"}",
                    "invitations_emails_total{outcome=\"sent\"}", "invitations_emails_total{outcome=\"retried\"}",
                    "invitations_emails_total{outcome=\"failed\"}");
            assertThat(get(apiPort, "/actuator/health", null).status()).isEqualTo(401);

            assertThat(get(managementPort, "/actuator/prometheus", null).text()).contains("jvm_memory_used_bytes",
                    "invitations_event_processor_lag_positions{processor=\"invitation-views\"}",
                    "invitations_event_processor_lag_positions{processor=\"invitation-feed\"}");
            // the API port no longer serves the actuator, not even to an operator
            assertThat(get(queryPort, "/actuator/prometheus", null).status()).isEqualTo(401);
            assertThat(get(queryPort, "/actuator/prometheus", JwtsForTests.bearer("operator", "invitations.admin"))
                    .status()).isEqualTo(404);
            assertThat(get(queryPort, "/v1/orgs/acme/invitations", null).status()).isEqualTo(401);
        }
    }

    @Test
    void aTokenOfAnOldKeyAcceptsAfterRotationAndIsUnknownOnceItsKeyIsRetired() throws Exception {
        try (var system = new LocalSystem()) {
            system.startMongo();
            int port = JavaProcess.freePort();
            system.set("INVITATIONS_TOKEN_KEY_ID", "1").set("INVITATIONS_TOKEN_SECRET", TOKEN_SECRET)
                    .startCommandSide(port);
            JsonNode first = create(port, "first@example.com");
            JsonNode second = create(port, "second@example.com");
            assertThat(first.get("invitationToken").asText()).startsWith("1.");

            system.set("INVITATIONS_TOKEN_KEY_ID", "2").set("INVITATIONS_TOKEN_SECRET", ROTATED_SECRET)
                    .set("INVITATIONS_PREVIOUSTOKENSECRETS_1", TOKEN_SECRET)
                    .startCommandSide(port);
            assertThat(accept(port, first.get("invitationToken").asText()).status()).isEqualTo(200);
            assertThat(create(port, "third@example.com").get("invitationToken").asText()).startsWith("2.");

            system.set("INVITATIONS_PREVIOUSTOKENSECRETS_1", "").startCommandSide(port);
            assertThat(accept(port, second.get("invitationToken").asText()).status()).isEqualTo(404);

            String id = second.get("id").asText();
            for (var forger : List.of(
                    new InvitationTokens(bytes("local-development-token-secret-not-for-production")),
                    new InvitationTokens("2", Map.of("2", bytes("local-development-token-secret-not-for-production"))))) {
                String forged = forger.issue(id, 1, forger.hashOf(id, 1));
                assertThat(accept(port, forged).status()).as(forged).isEqualTo(404);
            }
        }
    }

    private static void assertRefuses(LocalSystem system, Path side, String... message) throws Exception {
        JavaProcess process = system.launch(side, JavaProcess.freePort());
        assertThat(process.awaitExit()).as(side + " exit code").isNotZero();
        assertThat(process.log()).contains(message);
    }

    private static JsonNode create(int port, String email) {
        var created = new HttpForTests(port, JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "acme"))
                .post("/v1/orgs/acme/invitations",
                        "{\"invitedEmail\":\"" + email + "\",\"role\":\"member\",\"disableInvitationEmail\":true}");
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.body();
    }

    private static Answer accept(int port, String token) {
        return new HttpForTests(port, null).post("/v1/invitations:accept", "{\"token\":\"" + token + "\"}");
    }

    private static Answer get(int port, String path, String authorization) {
        return new HttpForTests(port, authorization).get(path);
    }

    private static byte[] bytes(String secret) {
        return secret.getBytes(StandardCharsets.UTF_8);
    }
}
