package dev.invitations.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.command.RunningCommandSide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.security.apikey.MongoApiKeys;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/** {@code POST} and {@code DELETE /v1/orgs/{orgId}/apiKeys}, and API keys as bearer tokens, on the command side. */
class ApiKeyApiTest extends RunningCommandSide {

    private static final String INVITE = "{\"invitedEmail\":\"kay@example.com\",\"role\":\"member\"}";

    private Answer create(String scopes) {
        return http.post("/v1/orgs/" + org + "/apiKeys", "{\"name\":\"CI\",\"scopes\":" + scopes + "}");
    }

    private HttpForTests as(String key) {
        return new HttpForTests(port, "Bearer " + key);
    }

    @Test
    void aCreatedKeyIsShownOnceAndOnlyItsKeyedHashIsStored() {
        Answer created = create("[\"org.user.invite\",\"org.user.read\"]");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.header("Cache-Control").orElse("")).contains("no-store");
        String id = created.body().get("id").asText();
        String key = created.body().get("key").asText();
        assertThat(key).matches("inv_[A-Za-z0-9_-]{43}");
        assertThat(created.body().get("prefix").asText()).isEqualTo(key.substring(4, 12));
        assertThat(created.body().get("name").asText()).isEqualTo("CI");
        assertThat(created.body().get("createTime").asText()).isNotBlank();

        Document stored = mongo.findOne(query(where("keyId").is(id)), Document.class, MongoApiKeys.COLLECTION);
        assertThat(stored).isNotNull();
        assertThat(stored.getString("orgId")).isEqualTo(org);
        assertThat(stored.getString("_id")).hasSize(43).isNotEqualTo(key);
        assertThat(stored.getString("createdBy")).isEqualTo("admin-1");
        assertThat(keyIsInNoStoredDocument(key)).isTrue();
        // a second key is another key
        assertThat(create("[\"org.user.read\"]").body().get("key").asText()).isNotEqualTo(key);
    }

    @Test
    void aKeyActsInItsOrgWithItsScopesAndIsRecordedAsTheActor() {
        Answer created = create("[\"org.user.invite\"]");
        String id = created.body().get("id").asText();
        var key = as(created.body().get("key").asText());

        Answer invited = key.post("/v1/orgs/" + org + "/invitations", INVITE);

        assertThat(invited.status()).as(invited.text()).isEqualTo(201);
        assertThat(invited.body().get("creator").asText()).isEqualTo("apikey:" + id);
        assertThat(invited.header("RateLimit-Limit")).isPresent(); // counted as a caller of its own
        // another org: 403, even for an org whose invitations it names
        Answer elsewhere = key.post("/v1/orgs/other-" + org + "/invitations", INVITE);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.contentType()).startsWith("application/problem+json");
        // a scope it does not hold: 403
        assertThat(key.put("/v1/orgs/" + org + "/settings", "{}").status()).isEqualTo(403);
        assertThat(key.post("/v1/orgs/" + org + "/apiKeys", "{\"name\":\"x\",\"scopes\":[\"org.user.invite\"]}")
                .status()).isEqualTo(403);
        // never the invitee's or the operators' calls
        assertThat(key.post("/v1/me/invitations/" + invited.body().get("id").asText() + ":decline").status())
                .isEqualTo(403);
        assertThat(key.post("/admin/storage:compact").status()).isEqualTo(403);
    }

    @Test
    void aKeyWithTheIntegrationsScopeCreatesKeysNoWiderThanItself() {
        var key = as(create("[\"org.integrations.manage\",\"org.user.read\"]").body().get("key").asText());

        Answer narrower = key.post("/v1/orgs/" + org + "/apiKeys", "{\"name\":\"reader\",\"scopes\":[\"org.user.read\"]}");
        assertThat(narrower.status()).isEqualTo(201);
        Answer wider = key.post("/v1/orgs/" + org + "/apiKeys",
                "{\"name\":\"writer\",\"scopes\":[\"org.user.read\",\"org.user.invite\"]}");
        assertThat(wider.status()).isEqualTo(400);
        assertThat(fieldsOf(wider)).containsExactly("scopes[1]");
    }

    @Test
    void aCallerWithoutTheIntegrationsPermissionOrWithoutTheOrgMayNotCreateKeys() {
        var inviter = new HttpForTests(port, JwtsForTests.bearer("inviter-1", "org.user.invite org.user.read", org));
        assertThat(inviter.post("/v1/orgs/" + org + "/apiKeys", "{\"name\":\"x\",\"scopes\":[\"org.user.read\"]}")
                .status()).isEqualTo(403);
        var otherOrg = new HttpForTests(port, JwtsForTests.bearer("admin-2", JwtsForTests.EVERYTHING, "another-org"));
        assertThat(otherOrg.post("/v1/orgs/" + org + "/apiKeys", "{\"name\":\"x\",\"scopes\":[\"org.user.read\"]}")
                .status()).isEqualTo(403);
    }

    @Test
    void scopesWiderThanTheCreatorsAreA400NamingEachAndStoreNothing() {
        var manager = new HttpForTests(port,
                JwtsForTests.bearer("manager-1", "org.integrations.manage org.user.read", org));

        Answer wider = manager.post("/v1/orgs/" + org + "/apiKeys",
                "{\"name\":\"x\",\"scopes\":[\"org.user.read\",\"org.user.invite\",\"org.privacy.manage\"]}");

        assertThat(wider.status()).isEqualTo(400);
        assertThat(wider.contentType()).startsWith("application/problem+json");
        assertThat(fieldsOf(wider)).containsExactly("scopes[1]", "scopes[2]");
        assertThat(mongo.count(query(where("orgId").is(org)), MongoApiKeys.COLLECTION)).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no name              | {\"scopes\":[\"org.user.read\"]}                        | name",
            "empty name           | {\"name\":\"\",\"scopes\":[\"org.user.read\"]}          | name",
            "name of a number     | {\"name\":7,\"scopes\":[\"org.user.read\"]}             | name",
            "no scopes            | {\"name\":\"x\"}                                        | scopes",
            "empty scopes         | {\"name\":\"x\",\"scopes\":[]}                          | scopes",
            "admin scope          | {\"name\":\"x\",\"scopes\":[\"invitations.admin\"]}     | scopes[0]",
            "unknown scope        | {\"name\":\"x\",\"scopes\":[\"org.user.*\"]}            | scopes[0]",
            "null scope           | {\"name\":\"x\",\"scopes\":[null]}                      | scopes[0]",
            "scope twice          | {\"name\":\"x\",\"scopes\":[\"org.user.read\",\"org.user.read\"]} | scopes[1]",
            "scopes not a list    | {\"name\":\"x\",\"scopes\":\"org.user.read\"}           | scopes",
    })
    void invalidBodiesAreRejectedNamingTheField(String why, String body, String field) {
        Answer answer = http.post("/v1/orgs/" + org + "/apiKeys", body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(fieldsOf(answer)).contains(field);
        assertThat(mongo.count(query(where("orgId").is(org)), MongoApiKeys.COLLECTION)).isZero();
    }

    @Test
    void aNameOver100CharactersAndSixScopesAreRefused() {
        Answer answer = http.post("/v1/orgs/" + org + "/apiKeys", "{\"name\":\"" + "n".repeat(101) + "\",\"scopes\":"
                + "[\"org.user.read\",\"org.user.invite\",\"org.settings.manage\",\"org.privacy.manage\","
                + "\"org.integrations.manage\",\"org.user.read\"]}");

        assertThat(answer.status()).isEqualTo(400);
        assertThat(fieldsOf(answer)).contains("name", "scopes");
    }

    @Test
    void aRevokedKeyIsRefusedWithin1SecondAndRevokingAgainIsStill204() {
        Answer created = create("[\"org.user.invite\"]");
        String id = created.body().get("id").asText();
        var key = as(created.body().get("key").asText());
        assertThat(key.post("/v1/orgs/" + org + "/invitations", INVITE).status()).isEqualTo(201);

        Answer revoked = http.delete("/v1/orgs/" + org + "/apiKeys/" + id);

        assertThat(revoked.status()).isEqualTo(204);
        await().atMost(Duration.ofMillis(1500)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50))
                .until(() -> key.post("/v1/orgs/" + org + "/invitations",
                        "{\"invitedEmail\":\"other@example.com\",\"role\":\"member\"}").status() == 401);
        Answer refused = key.get("/v1/orgs/" + org + "/invitations");
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(http.delete("/v1/orgs/" + org + "/apiKeys/" + id).status()).isEqualTo(204);
        assertThat(mongo.count(query(where("keyId").is(id)), MongoApiKeys.COLLECTION)).isZero();
    }

    @Test
    void aKeyOfAnotherOrgOrNoKeyCannotBeRevokedThroughThisOrg() {
        String id = create("[\"org.user.read\"]").body().get("id").asText();

        assertThat(http.delete("/v1/orgs/other-" + org + "/apiKeys/" + id).status()).isEqualTo(404);
        assertThat(http.delete("/v1/orgs/" + org + "/apiKeys/00000000-0000-4000-8000-000000000000").status())
                .isEqualTo(404);
        assertThat(http.delete("/v1/orgs/" + org + "/apiKeys/not-a-key").status()).isEqualTo(404);
        assertThat(mongo.count(query(where("keyId").is(id)), MongoApiKeys.COLLECTION)).isOne();
    }

    @ParameterizedTest
    @ValueSource(strings = {"inv_", "inv_short", "inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "inv_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA~"})
    void malformedOrUnknownKeysAre401ProblemJson(String token) {
        Answer answer = as(token).post("/v1/orgs/" + org + "/invitations", INVITE);

        assertThat(answer.status()).isEqualTo(401);
        assertThat(answer.contentType()).startsWith("application/problem+json");
    }

    @Test
    void lastUsedTimeIsWrittenByTheBatchedFlushNotPerRequest() {
        Answer created = create("[\"org.user.read\"]");
        String id = created.body().get("id").asText();
        var key = as(created.body().get("key").asText());
        assertThat(storedKey(id).get("lastUsedTime")).isNull();

        for (int i = 0; i < 5; i++) {
            // no read on this side answers 200; what counts is that the key authenticated (403 is past that)
            assertThat(key.post("/v1/orgs/" + org + "/apiKeys", "{}").status()).isEqualTo(403);
        }

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                .until(() -> storedKey(id).getDate("lastUsedTime") != null);
    }

    private Document storedKey(String id) {
        return mongo.findOne(query(where("keyId").is(id)), Document.class, MongoApiKeys.COLLECTION);
    }

    private boolean keyIsInNoStoredDocument(String key) {
        String secretPart = key.substring(12);
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                String json = document.toJson();
                if (json.contains(key) || json.contains(secretPart)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> fieldsOf(Answer answer) {
        List<String> fields = new ArrayList<>();
        for (JsonNode error : answer.body().path("errors")) {
            fields.add(error.get("field").asText());
        }
        return fields;
    }
}
