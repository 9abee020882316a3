package dev.invitations.command.web;

import dev.invitations.command.RunningCommandSideForOneBusyCaller;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every field of every command body, and the ids in the paths, given hostile values: the answer is a 2xx when the
 * value happens to be acceptable, otherwise a 4xx problem+json; never a 5xx. Afterwards the service still works.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// one caller sends all of them, more than a minute's default allowance: each must reach the checks, not the limit
class HostileInputTest extends RunningCommandSideForOneBusyCaller {

    /** JSON values that have broken services: wrong types, operators, control characters, sizes, encodings. */
    private static final List<String> HOSTILE_VALUES = List.of(
            "\"\\u0000\"", "\"a\\u0000b@example.com\"", "\"" + "x".repeat(10_000) + "\"",
            "\"\\ud83d\\ude00\\u202e\\u0065\\u0301\\u6f22\"", "\"\\ud800\"", "{\"$gt\": \"\"}", "{\"$where\": \"1\"}",
            "42", "-1", "1e309", "-9223372036854775809", "true", "null", "[]", "[\"a\"]", "\"\"", "\"   \"",
            "\"../../etc/passwd\"", "\"%00\"", "\"<script>alert(1)</script>\"", "\"P-7D\"", "\"99999999999999s\"",
            "\"javascript:alert(1)\"", "\"http://[::1\"", "\"*.\"", "5.5");

    /** A call and its body, with {@code %s} where the hostile value goes. */
    private record Call(String method, String path, String bodyTemplate) {
    }

    private HttpForTests fuzzer;
    private HttpForTests integrator;
    private String invitation;
    private String webhook;

    @BeforeAll
    void createTarget() {
        fuzzer = new HttpForTests(port, JwtsForTests.bearer("fuzzer", JwtsForTests.EVERYTHING, "*"));
        invitation = "/v1/orgs/fuzz/invitations/" + fuzzer.post("/v1/orgs/fuzz/invitations",
                "{\"invitedEmail\":\"target@example.com\",\"role\":\"member\"}").body().get("id").asText();
        integrator = new HttpForTests(port, JwtsForTests.bearer("fuzzer", "org.integrations.manage", "*"));
        webhook = "/v1/orgs/fuzz/webhooks/" + integrator.post("/v1/orgs/fuzz/webhooks",
                "{\"url\":\"https://93.184.215.14/hooks\"}").body().get("id").asText();
    }

    Stream<Arguments> hostileWebhookBodies() {
        List<Call> calls = new ArrayList<>();
        for (String field : List.of("url", "types", "description")) {
            calls.add(new Call("POST", "/v1/orgs/fuzz/webhooks",
                    "{\"url\":\"https://93.184.215.14/hooks\",\"" + field + "\":%s}"));
        }
        calls.add(new Call("POST", "/v1/orgs/fuzz/webhooks", "{\"url\":\"https://93.184.215.14/\",\"types\":[%s]}"));
        calls.add(new Call("POST", "/v1/orgs/fuzz/webhooks", "%s"));
        for (String field : List.of("url", "types", "description", "enabled")) {
            calls.add(new Call("PATCH", webhook, "{\"" + field + "\":%s}"));
        }
        calls.add(new Call("PATCH", webhook, "%s"));
        calls.add(new Call("POST", webhook + ":replay", "{\"after\":%s}"));
        calls.add(new Call("POST", webhook + ":replay", "%s"));
        calls.add(new Call("POST", webhook + ":rotateSecret", "%s"));
        return calls.stream().flatMap(call -> HOSTILE_VALUES.stream().map(value -> Arguments.of(
                call.method(), call.path(), call.bodyTemplate().formatted(value))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileWebhookBodies")
    void hostileWebhookBodiesNeverCauseA5xx(String method, String path, String body) {
        assertAnsweredWithoutServerError(integrator.send(method, path, body));
    }

    @ParameterizedTest
    @MethodSource("hostileIds")
    void hostileWebhookPathsNeverCauseA5xx(String id) {
        for (String path : List.of("/v1/orgs/fuzz/webhooks/" + id, "/v1/orgs/" + id + "/webhooks/" + webhook
                .substring(webhook.lastIndexOf('/') + 1))) {
            assertAnsweredWithoutServerError(integrator.send("PATCH", path, "{\"enabled\":true}"));
            assertAnsweredWithoutServerError(integrator.send("POST", path + ":rotateSecret", null));
            assertAnsweredWithoutServerError(integrator.send("POST", path + ":replay", "{\"after\":\"0\"}"));
            assertAnsweredWithoutServerError(integrator.send("DELETE", path, null));
        }
        assertAnsweredWithoutServerError(integrator.send("POST", "/v1/orgs/" + id + "/webhooks", "{}"));
    }

    Stream<Arguments> hostileBodies() {
        String create = "/v1/orgs/fuzz/invitations";
        List<Call> calls = new ArrayList<>();
        for (String field : List.of("invitedEmail", "email", "role", "roles", "inviter", "ttl", "expirationTime",
                "disableInvitationEmail", "labels", "locale", "redirectUrl", "metadata")) {
            calls.add(new Call("POST", create,
                    "{\"invitedEmail\":\"h@example.com\",\"role\":\"r\",\"" + field + "\":%s}"));
        }
        calls.add(new Call("POST", create, "{\"invitedEmail\":\"h@example.com\",\"role\":\"r\",\"labels\":{\"k\":%s}}"));
        calls.add(new Call("POST", create, "{\"invitedEmail\":\"h@example.com\",\"roles\":[%s]}"));
        calls.add(new Call("POST", create, "{\"invitedEmail\":\"h@example.com\",\"role\":\"r\",\"metadata\":{\"k\":%s}}"));
        calls.add(new Call("POST", create, "%s"));
        calls.add(new Call("POST", create + ":batchCreate", "{\"requests\":%s}"));
        calls.add(new Call("POST", create + ":batchCreate", "{\"requests\":[{\"invitedEmail\":%s,\"role\":\"r\"}]}"));
        calls.add(new Call("POST", invitation + ":resend", "{\"ttl\":%s}"));
        calls.add(new Call("POST", invitation + ":resend", "{\"expirationTime\":%s}"));
        calls.add(new Call("POST", invitation + ":resend", "{\"locale\":%s}"));
        calls.add(new Call("POST", invitation + ":revoke", "{\"reason\":%s}"));
        for (String field : List.of("role", "roles", "labels", "state", "revokeReason")) {
            calls.add(new Call("PATCH", invitation, "{\"" + field + "\":%s}"));
        }
        for (String field : List.of("token", "acceptedBy", "email")) {
            calls.add(new Call("POST", "/v1/invitations:accept", "{\"token\":\"t\",\"" + field + "\":%s}"));
        }
        calls.add(new Call("POST", "/v1/invitations:decline", "{\"token\":%s}"));
        // an org of their own: settings that happen to be valid must not restrict the invitations above
        String settings = "/v1/orgs/fuzz-settings/settings";
        for (String field : List.of("displayName", "allowedEmailDomains", "allowedRoles", "defaultRoles", "defaultTtl",
                "maximumTtl", "locale", "redirectUrls", "maxSendsPerInvitationPerDay")) {
            calls.add(new Call("PUT", settings, "{\"" + field + "\":%s}"));
        }
        for (String field : List.of("allowedEmailDomains", "allowedRoles", "defaultRoles", "redirectUrls")) {
            calls.add(new Call("PUT", settings, "{\"" + field + "\":[%s]}"));
        }
        calls.add(new Call("PUT", settings, "%s"));
        String apiKeys = "/v1/orgs/fuzz-keys/apiKeys";
        calls.add(new Call("POST", apiKeys, "{\"name\":%s,\"scopes\":[\"org.user.read\"]}"));
        calls.add(new Call("POST", apiKeys, "{\"name\":\"n\",\"scopes\":%s}"));
        calls.add(new Call("POST", apiKeys, "{\"name\":\"n\",\"scopes\":[%s]}"));
        calls.add(new Call("POST", apiKeys, "%s"));
        return calls.stream().flatMap(call -> HOSTILE_VALUES.stream().map(value -> Arguments.of(
                call.method(), call.path(), call.bodyTemplate().formatted(value))));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hostileBodies")
    void hostileBodiesNeverCauseA5xx(String method, String path, String body) {
        assertAnsweredWithoutServerError(fuzzer.send(method, path, body));
    }

    @ParameterizedTest
    @MethodSource("hostilePaths")
    void hostilePathsNeverCauseA5xx(String path) {
        assertAnsweredWithoutServerError(fuzzer.send("POST", path, "{}"));
        assertAnsweredWithoutServerError(fuzzer.send("PATCH", path.replace(":revoke", ""), "{\"role\":\"r\"}"));
        assertAnsweredWithoutServerError(fuzzer.send("PUT",
                path.replaceFirst("/invitations/.*", "/settings").replace("/fuzz/", "/fuzz-settings/"), "{}"));
        assertAnsweredWithoutServerError(fuzzer.send("DELETE",
                path.replace("/invitations/", "/apiKeys/").replace(":revoke", ""), null));
    }

    @ParameterizedTest
    @MethodSource("hostileApiKeys")
    void hostileApiKeysAreUnauthenticated(String token) {
        Answer answer = new HttpForTests(port, "Bearer " + token).post("/v1/orgs/fuzz/invitations",
                "{\"invitedEmail\":\"h@example.com\",\"role\":\"r\"}");
        assertThat(answer.status()).isEqualTo(401);
        assertAnsweredWithoutServerError(answer);
    }

    Stream<String> hostileApiKeys() {
        return Stream.of("inv_", "inv_" + "A".repeat(4_000), "inv_" + "A".repeat(42) + "=", "inv_%00" + "A".repeat(40),
                "inv_{\"$gt\":\"\"}", "INV_" + "A".repeat(43), "inv_" + "A".repeat(43) + "." + "A".repeat(43),
                "inv_..%2F" + "A".repeat(37));
    }

    @ParameterizedTest
    @MethodSource("hostileIds")
    void hostileIdsOfTheSignedInInviteeNeverCauseA5xx(String id) {
        var invitee = new HttpForTests(port, JwtsForTests.invitee("fuzzer", "target@example.com", true));
        assertAnsweredWithoutServerError(invitee.send("POST", "/v1/me/invitations/" + id + ":accept", "{}"));
        assertAnsweredWithoutServerError(invitee.send("POST", "/v1/me/invitations/" + id + ":decline", null));
    }

    Stream<String> hostileIds() {
        return Stream.of("%2e%2e", "..%252F..", "%25%30%30", "a".repeat(2_000), "%F0%9F%98%80", "%C0%AF",
                "00000000-0000-0000-0000-000000000000", "%7B%22%24gt%22%3A%22%22%7D");
    }

    @ParameterizedTest
    @MethodSource("hostileEmails")
    void hostileEmailsInAnInviteesTokenAreForbidden(String email) {
        var invitee = new HttpForTests(port, JwtsForTests.invitee("fuzzer", email, true));
        Answer answer = invitee.send("POST", "/v1/me/invitations/00000000-0000-0000-0000-000000000000:accept", null);
        assertThat(answer.status()).isIn(403, 404);
        assertAnsweredWithoutServerError(answer);
    }

    Stream<String> hostileEmails() {
        return Stream.of("", "   ", "not-an-email", "a\u0000b@example.com", "x".repeat(300) + "@example.com",
                "<script>@example.com", "{\"$gt\":\"\"}");
    }

    Stream<String> hostilePaths() {
        return hostileIds()
                .flatMap(segment -> Stream.of("/v1/orgs/fuzz/invitations/" + segment + ":revoke",
                        "/v1/orgs/" + segment + "/invitations/00000000-0000-0000-0000-000000000000:revoke"));
    }

    @AfterAll
    void theServiceStillServes() {
        Answer created = fuzzer.post("/v1/orgs/fuzz/invitations", "{\"invitedEmail\":\"after@example.com\",\"role\":\"r\"}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(integrator.patch(webhook, "{\"enabled\":true}").status()).isEqualTo(200);
    }

    private static void assertAnsweredWithoutServerError(Answer answer) {
        assertThat(answer.status()).isLessThan(500);
        if (answer.status() >= 400) {
            assertThat(answer.contentType()).startsWith("application/problem+json");
        }
    }
}
