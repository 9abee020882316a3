package dev.invitations.command.web;

import dev.invitations.command.RunningCommandSide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.security.webhooks.WebhookSecrets;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook writes over HTTP against the running command side (whose tests leave
 * {@code invitations.webhooks.allow-private-targets} and {@code allow-http} off, as production does).
 */
class WebhookApiTest extends RunningCommandSide {

    /** A literal public address: needs no DNS, and nothing is delivered from the command side. */
    private static final String PUBLIC_URL = "https://93.184.215.14/hooks";

    @Autowired
    private WebhookSecrets secrets;

    private HttpForTests integrations() {
        return new HttpForTests(port, JwtsForTests.bearer("integrator", "org.integrations.manage", "*"));
    }

    private String webhooks() {
        return "/v1/orgs/" + org + "/webhooks";
    }

    @Test
    void registeringAnswersTheSecretOnceAndStoresItOnlyEncrypted() {
        Answer created = integrations().post(webhooks(),
                "{\"url\":\"" + PUBLIC_URL + "\",\"types\":[\"invitations.v1.InvitationCreated\"],\"description\":\"CRM\"}");

        assertThat(created.status()).isEqualTo(201);
        String id = created.body().get("id").asText();
        String secret = created.body().get("secret").asText();
        assertThat(created.header("Location")).hasValue(webhooks() + "/" + id);
        assertThat(secret).startsWith("whsec_");
        assertThat(Base64.getDecoder().decode(secret.substring(6))).hasSize(32);
        assertThat(created.body().get("types").toString()).isEqualTo("[\"invitations.v1.InvitationCreated\"]");
        assertThat(created.body().get("enabled").asBoolean()).isTrue();

        String key = secret.substring(6);
        boolean stored = false;
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                assertThat(document.toJson()).as(collection).doesNotContain(key);
                stored |= document.toJson().contains("webhook:" + id);
            }
        }
        assertThat(stored).as("the endpoint's stream is stored").isTrue();

        Answer rotated = integrations().post(webhooks() + "/" + id + ":rotateSecret");
        assertThat(rotated.status()).isEqualTo(200);
        String newSecret = rotated.body().get("secret").asText();
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(secret);
    }

    @Test
    void patchChangesTheGivenFieldsDeleteEndsItAndReplayIsAccepted() {
        String id = integrations().post(webhooks(), "{\"url\":\"" + PUBLIC_URL + "\"}").body().get("id").asText();

        Answer changed = integrations().patch(webhooks() + "/" + id, "{\"enabled\":false,\"description\":\"paused\"}");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body().get("enabled").asBoolean()).isFalse();
        assertThat(changed.body().get("description").asText()).isEqualTo("paused");
        assertThat(changed.body().get("url").asText()).isEqualTo(PUBLIC_URL);
        assertThat(changed.body().has("secret")).isFalse();

        assertThat(integrations().post(webhooks() + "/" + id + ":replay", "{\"after\":\"0\"}").status()).isEqualTo(202);
        assertThat(integrations().post(webhooks() + "/" + id + ":replay", "{\"after\":\"-1\"}").status()).isEqualTo(400);
        assertThat(integrations().delete(webhooks() + "/" + id).status()).isEqualTo(204);
        assertThat(integrations().delete(webhooks() + "/" + id).status()).isEqualTo(404);
        assertThat(integrations().patch(webhooks() + "/" + id, "{\"enabled\":true}").status()).isEqualTo(404);
        String unknown = "00000000-0000-4000-8000-000000000000";
        assertThat(integrations().post(webhooks() + "/" + unknown + ":rotateSecret").status()).isEqualTo(404);
    }

    @Test
    void anotherOrgsWebhookIsNotFound() {
        String id = integrations().post(webhooks(), "{\"url\":\"" + PUBLIC_URL + "\"}").body().get("id").asText();

        assertThat(integrations().delete("/v1/orgs/other-org/webhooks/" + id).status()).isEqualTo(404);
        assertThat(integrations().delete(webhooks() + "/" + id).status()).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://127.0.0.1/hooks", "https://10.1.2.3/hooks", "https://172.16.0.1/hooks",
            "https://192.168.1.1/hooks", "https://169.254.169.254/latest/meta-data", "https://[::1]/hooks",
            "https://[::ffff:127.0.0.1]/hooks", "https://[fd00::1]/hooks", "https://[fe80::1]/hooks",
            "https://localhost/hooks", "https://localhost:8443/hooks", "https://0.0.0.0/hooks",
            "https://224.0.0.1/hooks", "https://100.64.0.1/hooks"})
    void aTargetOnALoopbackPrivateOrLinkLocalAddressIsRefused(String url) {
        Answer refused = integrations().post(webhooks(), "{\"url\":\"" + url + "\"}");

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body().get("errors").get(0).get("field").asText()).isEqualTo("url");
    }

    @Test
    void httpIsRefusedWithoutAllowHttpAndAChangeToAPrivateTargetToo() {
        assertThat(integrations().post(webhooks(), "{\"url\":\"http://93.184.215.14/hooks\"}").status())
                .isEqualTo(422);
        String id = integrations().post(webhooks(), "{\"url\":\"" + PUBLIC_URL + "\"}").body().get("id").asText();
        assertThat(integrations().patch(webhooks() + "/" + id, "{\"url\":\"https://127.0.0.1/\"}").status())
                .isEqualTo(422);
    }

    @Test
    void onlyOrgIntegrationsManageMayWriteWebhooks() {
        // every other permission, on every org
        var inviter = new HttpForTests(port, JwtsForTests.bearer("admin",
                "org.user.invite org.user.read org.privacy.manage org.settings.manage", "*"));

        assertThat(inviter.post(webhooks(), "{\"url\":\"" + PUBLIC_URL + "\"}").status()).isEqualTo(403);
        var otherOrg = new HttpForTests(port, JwtsForTests.bearer("x", "org.integrations.manage", "other"));
        assertThat(otherOrg.post(webhooks(), "{\"url\":\"" + PUBLIC_URL + "\"}").status()).isEqualTo(403);
    }

    @Test
    void invalidFieldsAreA400NamingEach() {
        Answer invalid = integrations().post(webhooks(),
                "{\"types\":[\"invitations.v1.Nope\",\"invitations.v1.Nope\"],\"description\":\"a\\u0000b\"}");

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.body().get("errors").toString())
                .contains("\"url\"", "\"types[0]\"", "\"types\"", "\"description\"");
        assertThat(integrations().post(webhooks(), "{\"url\":123}").status()).isEqualTo(400);
        assertThat(integrations().post(webhooks(), "{\"url\":\"" + PUBLIC_URL + "\",\"types\":\"all\"}").status())
                .isEqualTo(400);
    }
}
