package dev.invitations.command.web;

import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import dev.invitations.testing.MongoForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A whole invitation's life with debug logging on: no plaintext token may appear in any log line. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "logging.level.org.springframework.web=DEBUG", "logging.level.dev.invitations=DEBUG",
        "logging.level.org.axonframework=DEBUG", "logging.level.org.apache.catalina=DEBUG"})
@ExtendWith(OutputCaptureExtension.class)
class NoTokenInLogsTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "no-token-in-logs");
    }

    @Test
    void createResendDeclineAndAcceptLogNoToken(CapturedOutput logs) {
        var http = new HttpForTests(port, JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*"));
        List<String> tokens = new ArrayList<>();

        Answer created = http.post("/v1/orgs/acme/invitations", "{\"invitedEmail\":\"log@example.com\",\"role\":\"member\"}");
        tokens.add(created.body().get("invitationToken").asText());
        String id = created.body().get("id").asText();
        Answer resent = http.post("/v1/orgs/acme/invitations/" + id + ":resend", "{}");
        tokens.add(resent.body().get("invitationToken").asText());
        http.post("/v1/invitations:accept", "{\"token\":\"" + tokens.get(0) + "\"}");
        assertThat(http.post("/v1/invitations:accept", "{\"token\":\"" + tokens.get(1) + "\"}").status()).isEqualTo(200);
        http.post("/v1/invitations:decline", "{\"token\":\"" + tokens.get(1) + "\"}");

        assertThat(logs.getAll()).contains(id); // the logs did capture this run
        for (String token : tokens) {
            assertThat(logs.getAll()).doesNotContain(token);
            assertThat(logs.getAll()).doesNotContain(token.substring(22)); // nor its secret part alone
        }
    }

    @Test
    void anApiKeysCreationUsesAndRevocationLogNoKey(CapturedOutput logs) {
        var http = new HttpForTests(port, JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*"));
        Answer created = http.post("/v1/orgs/acme/apiKeys", "{\"name\":\"CI\",\"scopes\":[\"org.user.invite\"]}");
        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        String key = created.body().get("key").asText();
        var withKey = new HttpForTests(port, "Bearer " + key);

        assertThat(withKey.post("/v1/orgs/acme/invitations", "{\"invitedEmail\":\"key@example.com\",\"role\":\"member\"}")
                .status()).isEqualTo(201);
        assertThat(withKey.post("/v1/orgs/globex/invitations", "{}").status()).isEqualTo(403);
        assertThat(new HttpForTests(port, "Bearer " + key + "x").post("/v1/orgs/acme/invitations", "{}").status())
                .isEqualTo(401);
        assertThat(http.delete("/v1/orgs/acme/apiKeys/" + id).status()).isEqualTo(204);

        assertThat(logs.getAll()).contains(id); // the logs did capture this run
        assertThat(logs.getAll()).doesNotContain(key.substring(4));
        assertThat(logs.getAll()).doesNotContain(key.substring(12)); // nor the part after the shown prefix
    }

    @Test
    void registeringAndRotatingAWebhookLogNoSecret(CapturedOutput logs) {
        var http = new HttpForTests(port, JwtsForTests.bearer("admin-1", "org.integrations.manage", "*"));

        Answer created = http.post("/v1/orgs/acme/webhooks", "{\"url\":\"https://93.184.215.14/hooks\"}");
        String id = created.body().get("id").asText();
        Answer rotated = http.post("/v1/orgs/acme/webhooks/" + id + ":rotateSecret");

        assertThat(logs.getAll()).contains(id);
        for (Answer answer : List.of(created, rotated)) {
            String secret = answer.body().get("secret").asText();
            assertThat(logs.getAll()).doesNotContain(secret.substring("whsec_".length()));
        }
    }
}
