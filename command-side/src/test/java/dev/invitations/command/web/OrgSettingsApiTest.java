package dev.invitations.command.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.mongodb.client.model.Filters;
import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.org.OrgId;
import dev.invitations.command.RunningCommandSide;
import dev.invitations.command.settings.OrgPolicies;
import dev.invitations.command.settings.OrgPolicy;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code PUT /v1/orgs/{orgId}/settings} over HTTP against the running command side. */
class OrgSettingsApiTest extends RunningCommandSide {

    private static final String ACME = """
            {"displayName": "Acme Corp",
             "allowedEmailDomains": ["ACME.com", "*.acme.co.uk"],
             "allowedRoles": ["member", "admin", "billing-admin"],
             "defaultRoles": ["member"],
             "defaultTtl": "604800s", "maximumTtl": "P14D",
             "locale": "pt-br",
             "redirectUrls": ["https://app.acme.com/welcome"],
             "maxSendsPerInvitationPerDay": 5,
             "someFieldOfALaterVersion": true}""";

    @Autowired
    private OrgPolicies policies;

    @Test
    void theFirstChangeAnswersTheSettingsNormalisedWithVersion1AndStoresOneEvent() {
        Answer changed = http.put(settings(), ACME);

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.header("ETag")).hasValue("\"1\"");
        JsonNode body = changed.body();
        assertThat(body.get("displayName").asText()).isEqualTo("Acme Corp");
        assertThat(texts(body.get("allowedEmailDomains"))).containsExactly("acme.com", "*.acme.co.uk");
        assertThat(texts(body.get("allowedRoles"))).containsExactly("member", "admin", "billing-admin");
        assertThat(texts(body.get("defaultRoles"))).containsExactly("member");
        assertThat(body.get("defaultTtl").asText()).isEqualTo("P7D");
        assertThat(body.get("maximumTtl").asText()).isEqualTo("P14D");
        assertThat(body.get("locale").asText()).isEqualTo("pt-BR");
        assertThat(texts(body.get("redirectUrls"))).containsExactly("https://app.acme.com/welcome");
        assertThat(body.get("maxSendsPerInvitationPerDay").asInt()).isEqualTo(5);
        assertThat(body.has("someFieldOfALaterVersion")).isFalse();

        List<Document> stored = storedChanges();
        assertThat(stored).hasSize(1);
        assertThat(stored.get(0).getString("payloadType")).isEqualTo("dev.invitations.api.org.OrgSettingsChanged");
        assertThat(stored.get(0).getLong("sequenceNumber")).isZero();
    }

    @Test
    void theSameSettingsAgainStoreNothingAndAnswerTheCurrentVersion() {
        http.put(settings(), ACME);

        Answer again = http.put(settings(), ACME.replace("604800s", "P7D").replace("ACME.com", "acme.com"));

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.header("ETag")).hasValue("\"1\"");
        assertThat(storedChanges()).hasSize(1);
    }

    @Test
    void aChangeReplacesAllTheSettingsAbsentOnesBecomingDefaults() {
        http.put(settings(), ACME);

        Answer changed = http.put(settings(), "{\"displayName\":\"Acme Inc\",\"maximumTtl\":\"PT36H\"}");

        assertThat(changed.header("ETag")).hasValue("\"2\"");
        assertThat(changed.body().get("displayName").asText()).isEqualTo("Acme Inc");
        assertThat(changed.body().get("maximumTtl").asText()).isEqualTo("PT36H");
        assertThat(changed.body().get("allowedEmailDomains")).isEmpty();
        assertThat(changed.body().get("defaultTtl").isNull()).isTrue();
        assertThat(changed.body().get("maxSendsPerInvitationPerDay").isNull()).isTrue();
        assertThat(storedChanges()).hasSize(2);
    }

    @Test
    void anOrgWithoutSettingsIsAtVersion0WithTheDefaults() {
        Answer unchanged = http.put(settings(), "{}");

        assertThat(unchanged.status()).isEqualTo(200);
        assertThat(unchanged.header("ETag")).hasValue("\"0\"");
        assertThat(unchanged.body().get("displayName").isNull()).isTrue();
        assertThat(unchanged.body().get("allowedRoles")).isEmpty();
        assertThat(storedChanges()).isEmpty();
        assertThat(policies.current(new OrgId(org))).isEqualTo(OrgPolicy.DEFAULTS);
    }

    @Test
    void ifMatchAppliesAChangeOnlyToTheVersionItNames() {
        assertThat(http.put(settings(), ACME, "If-Match", "\"0\"").header("ETag")).hasValue("\"1\"");

        Answer stale = http.put(settings(), "{\"displayName\":\"Stale\"}", "If-Match", "\"0\"");
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.contentType()).startsWith("application/problem+json");
        assertThat(stale.body().get("type").asText()).isEqualTo("urn:invitations:problem:version-mismatch");
        assertThat(http.put(settings(), "{}", "If-Match", "\"7\"").status()).isEqualTo(412);
        assertThat(storedChanges()).hasSize(1);

        Answer current = http.put(settings(), "{\"displayName\":\"Fresh\"}", "If-Match", "\"1\"");
        assertThat(current.status()).isEqualTo(200);
        assertThat(current.header("ETag")).hasValue("\"2\"");
        assertThat(http.put(settings(), "{}", "If-Match", "*").header("ETag")).hasValue("\"3\"");
        assertThat(http.put(settings(), "{}", "If-Match", "three").status()).isEqualTo(400);
    }

    @Test
    void theCommandSideSeesTheCurrentPolicyAtOnce() {
        http.put(settings(), ACME);

        OrgPolicy policy = policies.current(new OrgId(org));

        assertThat(policy.displayName()).isEqualTo("Acme Corp");
        assertThat(policy.defaultTtl()).isEqualTo(Duration.ofDays(7));
        assertThat(policy.redirectUrls()).containsExactly(URI.create("https://app.acme.com/welcome"));
        assertThat(policy.allowsEmail(new EmailAddress("ada@london.acme.co.uk"))).isTrue();
        assertThat(policy.allowsEmail(new EmailAddress("ada@acme.co.uk"))).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "empty display name          | {\"displayName\":\"\"}                                  | displayName",
            "blank display name          | {\"displayName\":\"   \"}                               | displayName",
            "control character in name   | {\"displayName\":\"Acme\\u0007\"}                       | displayName",
            "name of the wrong type      | {\"displayName\":42}                                    | displayName",
            "domain without a dot        | {\"allowedEmailDomains\":[\"acme\"]}                    | allowedEmailDomains[0]",
            "domain with a space         | {\"allowedEmailDomains\":[\"ac me.com\"]}               | allowedEmailDomains[0]",
            "domain with a scheme        | {\"allowedEmailDomains\":[\"https://acme.com\"]}        | allowedEmailDomains[0]",
            "domain with an @            | {\"allowedEmailDomains\":[\"ada@acme.com\"]}            | allowedEmailDomains[0]",
            "two wildcards               | {\"allowedEmailDomains\":[\"*.*.acme.com\"]}            | allowedEmailDomains[0]",
            "wildcard of a top domain    | {\"allowedEmailDomains\":[\"*.com\"]}                   | allowedEmailDomains[0]",
            "label starting with -       | {\"allowedEmailDomains\":[\"-acme.com\"]}               | allowedEmailDomains[0]",
            "unicode domain              | {\"allowedEmailDomains\":[\"bücher.de\"]}               | allowedEmailDomains[0]",
            "domain twice in other case  | {\"allowedEmailDomains\":[\"acme.com\",\"ACME.COM\"]}   | allowedEmailDomains[1]",
            "null domain                 | {\"allowedEmailDomains\":[null]}                        | allowedEmailDomains[0]",
            "domains not a list          | {\"allowedEmailDomains\":\"acme.com\"}                  | allowedEmailDomains",
            "role with capitals          | {\"allowedRoles\":[\"member\",\"Admin\"]}               | allowedRoles[1]",
            "role twice                  | {\"allowedRoles\":[\"member\",\"member\"]}              | allowedRoles[1]",
            "role that is a number       | {\"allowedRoles\":[1]}                                  | allowedRoles[0]",
            "default role not allowed    | {\"allowedRoles\":[\"member\"],\"defaultRoles\":[\"owner\"]} | defaultRoles[0]",
            "default role invalid        | {\"defaultRoles\":[\"a b\"]}                            | defaultRoles[0]",
            "ttl that is no duration     | {\"defaultTtl\":\"soon\"}                               | defaultTtl",
            "ttl below the service's     | {\"defaultTtl\":\"PT1M\"}                               | defaultTtl",
            "maximum above the service's | {\"maximumTtl\":\"P31D\"}                               | maximumTtl",
            "negative ttl                | {\"maximumTtl\":\"-P1D\"}                               | maximumTtl",
            "default above the maximum   | {\"defaultTtl\":\"P10D\",\"maximumTtl\":\"P5D\"}        | defaultTtl",
            "locale with an underscore   | {\"locale\":\"en_US\"}                                  | locale",
            "undetermined locale         | {\"locale\":\"und\"}                                    | locale",
            "locale that is no tag       | {\"locale\":\"not a locale\"}                           | locale",
            "redirect over ftp           | {\"redirectUrls\":[\"ftp://acme.com/welcome\"]}         | redirectUrls[0]",
            "redirect with user info     | {\"redirectUrls\":[\"https://ada@acme.com/welcome\"]}   | redirectUrls[0]",
            "redirect with a query       | {\"redirectUrls\":[\"https://acme.com/welcome?a=1\"]}   | redirectUrls[0]",
            "redirect with a fragment    | {\"redirectUrls\":[\"https://acme.com/welcome#top\"]}   | redirectUrls[0]",
            "relative redirect           | {\"redirectUrls\":[\"/welcome\"]}                       | redirectUrls[0]",
            "redirect with dot segments  | {\"redirectUrls\":[\"https://acme.com/a/../welcome\"]}  | redirectUrls[0]",
            "redirect with a bad port    | {\"redirectUrls\":[\"https://acme.com:99999/\"]}        | redirectUrls[0]",
            "redirect that is no URL     | {\"redirectUrls\":[\"https://acme.com/a b\"]}           | redirectUrls[0]",
            "no sends a day              | {\"maxSendsPerInvitationPerDay\":0}                     | maxSendsPerInvitationPerDay",
            "too many sends a day        | {\"maxSendsPerInvitationPerDay\":1001}                  | maxSendsPerInvitationPerDay",
            "sends as a string           | {\"maxSendsPerInvitationPerDay\":\"5\"}                 | maxSendsPerInvitationPerDay",
            "sends with a fraction       | {\"maxSendsPerInvitationPerDay\":5.5}                   | maxSendsPerInvitationPerDay",
            "sends that overflow         | {\"maxSendsPerInvitationPerDay\":99999999999}           | maxSendsPerInvitationPerDay",
    })
    void invalidSettingsAreRejectedNamingTheFieldAndStoreNothing(String why, String body, String field) {
        Answer answer = http.put(settings(), body);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(fieldsOf(answer)).contains(field);
        assertThat(storedChanges()).isEmpty();
    }

    @Test
    void everyInvalidFieldIsNamedInOneAnswerAndTheListsHaveLimits() {
        String domains = IntStream.range(0, 51).mapToObj(i -> "\"d" + i + ".example\"")
                .collect(Collectors.joining(",", "[", "]"));
        String roles = IntStream.range(0, 11).mapToObj(i -> "\"r" + i + "\"").collect(Collectors.joining(",", "[", "]"));
        String urls = IntStream.range(0, 21).mapToObj(i -> "\"https://acme.com/" + i + "\"")
                .collect(Collectors.joining(",", "[", "]"));

        Answer answer = http.put(settings(), "{\"displayName\":\"" + "x".repeat(101) + "\",\"allowedEmailDomains\":"
                + domains + ",\"defaultRoles\":" + roles + ",\"redirectUrls\":" + urls + ",\"locale\":\""
                + "de-" + "x".repeat(40) + "\",\"maximumTtl\":\"P1Y\"}");

        assertThat(fieldsOf(answer)).containsExactlyInAnyOrder("displayName", "allowedEmailDomains", "defaultRoles",
                "redirectUrls", "locale", "maximumTtl");
    }

    @Test
    void changingSettingsNeedsTheSettingsPermissionOnTheOrg() {
        var anonymous = new HttpForTests(port, null);
        var inviter = new HttpForTests(port, JwtsForTests.bearer("carol", "org.user.invite org.user.read", org));
        var otherOrg = new HttpForTests(port, JwtsForTests.bearer("dave", JwtsForTests.EVERYTHING, "globex"));
        var manager = new HttpForTests(port, JwtsForTests.bearer("erin", "org.settings.manage", org));

        assertThat(anonymous.put(settings(), ACME).status()).isEqualTo(401);
        Answer forbidden = inviter.put(settings(), ACME);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");
        assertThat(otherOrg.put(settings(), ACME).status()).isEqualTo(403);
        assertThat(storedChanges()).isEmpty();

        assertThat(manager.put(settings(), ACME).status()).isEqualTo(200);
        assertThat(storedChanges().get(0).getString("serializedPayload")).contains("\"changedBy\":\"erin\"");
    }

    @Test
    void anInvalidOrgIdOrContentTypeIsRejected() {
        assertThat(fieldsOf(http.put("/v1/orgs/bad%20org/settings", "{}"))).contains("orgId");
        assertThat(http.send("PUT", settings(), "{}", "Content-Type", "text/plain").status()).isEqualTo(415);
        assertThat(http.send("PUT", settings(), null, "Content-Type", "application/json").status()).isEqualTo(400);
    }

    @Test
    void concurrentChangesAreEachStoredOrAConflictNeverAFailure() throws Exception {
        int racers = 8;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<Answer>> answers = IntStream.range(0, racers).mapToObj(i -> pool.submit(() -> {
                start.await();
                return http.put(settings(), "{\"displayName\":\"Acme " + i + "\"}");
            })).toList();
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Answer> answer : answers) {
                statuses.add(answer.get().status());
            }

            assertThat(statuses).isSubsetOf(200, 409);
            assertThat(storedChanges()).hasSize((int) statuses.stream().filter(status -> status == 200).count())
                    .extracting(change -> change.getLong("sequenceNumber")).doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
        }
    }

    private String settings() {
        return "/v1/orgs/" + org + "/settings";
    }

    private List<Document> storedChanges() {
        return mongo.getCollection("domainevents")
                .find(Filters.eq("aggregateIdentifier", "org-settings:" + org)).into(new ArrayList<>());
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(value -> texts.add(value.asText()));
        return texts;
    }

    private static List<String> fieldsOf(Answer problem) {
        List<String> fields = new ArrayList<>();
        problem.body().path("errors").forEach((JsonNode error) -> fields.add(error.get("field").asText()));
        return fields;
    }
}
