package dev.invitations.query.apikey;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.api.apikey.ApiKeyCreated;
import dev.invitations.api.apikey.ApiKeyRevoked;
import dev.invitations.api.apikey.ApiKeys;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.security.apikey.MongoApiKeys;
import dev.invitations.security.apikey.StoredApiKey;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code GET /v1/orgs/{orgId}/apiKeys} and API keys as bearer tokens on the query side. The keys are stored as the
 * command side stores them ({@link MongoApiKeys}), and removed as its revocation removes them.
 */
class ApiKeyReadApiTest extends RunningQuerySide {

    @Autowired
    private MongoApiKeys table;
    @Autowired
    private ApiKeys apiKeys;

    private final String org = newOrg();

    private record Issued(String id, String key) {
    }

    private Issued issue(String orgId, String... scopes) {
        String key = ApiKeys.newKey();
        String id = UUID.randomUUID().toString();
        table.insert(new StoredApiKey(apiKeys.hash(key), id, orgId, "CI " + id, List.of(scopes), ApiKeys.prefixOf(key),
                "admin-1", Instant.now().truncatedTo(ChronoUnit.MILLIS), null));
        return new Issued(id, key);
    }

    private HttpForTests manager() {
        return new HttpForTests(port, JwtsForTests.bearer("manager-1", "org.integrations.manage", org));
    }

    private HttpForTests as(Issued issued) {
        return new HttpForTests(port, "Bearer " + issued.key());
    }

    @Test
    void theListShowsTheOrgsKeysWithoutTheKeyOrItsHash() {
        Issued first = issue(org, "org.user.read");
        Issued second = issue(org, "org.user.invite", "org.user.read");
        issue(newOrg(), "org.user.read");

        Answer list = manager().get("/v1/orgs/" + org + "/apiKeys");

        assertThat(list.status()).isEqualTo(200);
        JsonNode keys = list.body().get("apiKeys");
        assertThat(keys).hasSize(2);
        JsonNode listed = keys.findParents("id").stream()
                .filter(key -> key.get("id").asText().equals(second.id())).findFirst().orElseThrow();
        assertThat(listed.get("name").asText()).isEqualTo("CI " + second.id());
        assertThat(listed.get("scopes")).extracting(JsonNode::asText).containsExactly("org.user.invite", "org.user.read");
        assertThat(listed.get("prefix").asText()).isEqualTo(second.key().substring(4, 12));
        assertThat(listed.get("createTime").asText()).isNotBlank();
        assertThat(listed.get("lastUsedTime").isNull()).isTrue();
        assertThat(listed.size()).isEqualTo(6);
        for (Issued issued : List.of(first, second)) {
            assertThat(list.text()).doesNotContain(issued.key().substring(4)).doesNotContain(apiKeys.hash(issued.key()));
        }
    }

    @Test
    void theListNeedsTheIntegrationsPermissionOnTheOrg() {
        assertThat(reader().get("/v1/orgs/" + org + "/apiKeys").status()).isEqualTo(403);
        var otherOrg = new HttpForTests(port, JwtsForTests.bearer("m", "org.integrations.manage", "another-org"));
        assertThat(otherOrg.get("/v1/orgs/" + org + "/apiKeys").status()).isEqualTo(403);
        assertThat(manager().get("/v1/orgs/" + org + "/apiKeys").body().get("apiKeys")).isEmpty();
    }

    @Test
    void aKeyReadsItsOrgWithItsScopesOnly() {
        var reading = as(issue(org, "org.user.read"));
        assertThat(reading.get("/v1/orgs/" + org + "/invitations").status()).isEqualTo(200);
        assertThat(reading.get("/v1/orgs/" + org + "/events").status()).isEqualTo(200);
        Answer elsewhere = reading.get("/v1/orgs/" + newOrg() + "/invitations");
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        assertThat(reading.get("/v1/orgs/" + org + "/apiKeys").status()).isEqualTo(403);
        assertThat(reading.get("/v1/me/invitations").status()).isEqualTo(403);
        assertThat(reading.get("/actuator/health").status()).isEqualTo(403);

        var inviting = as(issue(org, "org.user.invite"));
        assertThat(inviting.get("/v1/orgs/" + org + "/invitations").status()).isEqualTo(403);
    }

    @Test
    void aRevokedKeyIsRefusedWithin1Second() {
        Issued issued = issue(org, "org.user.read");
        var key = as(issued);
        assertThat(key.get("/v1/orgs/" + org + "/invitations").status()).isEqualTo(200);

        table.remove(issued.id());

        await().atMost(Duration.ofMillis(1500)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> key.get("/v1/orgs/" + org + "/invitations").status() == 401);
        Answer refused = key.get("/v1/orgs/" + org + "/invitations");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
    }

    @Test
    void malformedKeysAre401ProblemJson() {
        for (String token : List.of("inv_", "inv_x", "inv_" + "A".repeat(42) + "!", ApiKeys.newKey())) {
            Answer answer = new HttpForTests(port, "Bearer " + token).get("/v1/orgs/" + org + "/invitations");
            assertThat(answer.status()).as(token).isEqualTo(401);
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }

    @Test
    void lastUsedTimeAppearsAfterAUseThroughTheBatchedFlush() {
        Issued issued = issue(org, "org.user.read");
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 3; i++) {
            assertThat(as(issued).get("/v1/orgs/" + org + "/invitations").status()).isEqualTo(200);
        }

        JsonNode listed = await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> manager().get("/v1/orgs/" + org + "/apiKeys").body().get("apiKeys").get(0),
                        key -> !key.get("lastUsedTime").isNull());
        assertThat(Instant.parse(listed.get("lastUsedTime").asText())).isAfterOrEqualTo(before);
    }

    @Test
    void theKeysEventsAreNeitherInTheFeedNorInTheViews() {
        String keyId = UUID.randomUUID().toString();
        String stream = ApiKeyCreated.aggregateIdentifierOf(keyId);
        Instant now = Instant.now();
        events.write(stream, 0, new ApiKeyCreated(keyId, org, "CI", List.of("org.user.read"), "hash", "abcdefgh",
                "admin-1", now));
        events.write(stream, 1, new ApiKeyRevoked(keyId, org, "admin-1", now));
        String invitation = events.create(org, "after-keys@example.com", now);

        viewAt(org, invitation, 0);
        JsonNode feed = reader().get("/v1/orgs/" + org + "/events").body().get("events");
        assertThat(feed).hasSize(1);
        assertThat(feed.get(0).get("type").asText()).isEqualTo("invitations.v1.InvitationCreated");
        assertThat(reader().get("/v1/orgs/" + org + "/invitations").body().get("invitations")).hasSize(1);
        assertThat(reader().get("/v1/orgs/" + org + "/invitations/" + stream).status()).isIn(400, 404);
    }
}
