package dev.invitations.security;

import dev.invitations.testing.MongoForTests;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import static dev.invitations.security.JwtsForTests.EVERYTHING;
import static org.assertj.core.api.Assertions.assertThat;

/** The security rules on a stand-in API with the contract's paths, over real HTTP. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        classes = ApiSecurityTest.StandInApi.class, properties = {"invitations.max-body-size=1KB",
        // a day, not a minute: a token refills every 72 s, so the remaining count cannot move between two requests
        "invitations.rate-limit.period=P1D"})
class ApiSecurityTest {

    @SpringBootApplication
    @RestController
    static class StandInApi {

        @GetMapping("/v1/orgs/{orgId}/invitations")
        String list(@PathVariable String orgId, Principal caller) {
            return caller.getName();
        }

        @GetMapping("/v1/orgs/{orgId}/invitations/{id}")
        String get(@PathVariable String orgId, @PathVariable String id, Principal caller) {
            return caller.getName();
        }

        @PostMapping("/v1/orgs/{orgId}/invitations")
        String create(@PathVariable String orgId, Principal caller) {
            return caller.getName();
        }

        @PostMapping("/v1/orgs/{orgId}/personalData:erase")
        String erase(@PathVariable String orgId, Principal caller) {
            return caller.getName();
        }

        @GetMapping("/v1/orgs/{orgId}/settings")
        String settings(@PathVariable String orgId, Principal caller) {
            return caller.getName();
        }

        @GetMapping("/v1/orgs/{orgId}/settings/history")
        String settingsHistory(@PathVariable String orgId, Principal caller) {
            return caller.getName();
        }

        @PutMapping("/v1/orgs/{orgId}/settings")
        String changeSettings(@PathVariable String orgId, Principal caller) {
            return caller.getName();
        }

        @PostMapping("/v1/invitations:accept")
        String accept() {
            return "accepted";
        }
    }

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "api-security-tests");
    }

    private final HttpClient http = HttpClient.newHttpClient();

    @ParameterizedTest(name = "{0} {1} with {2} → {3}")
    @CsvSource({
            "GET,  /v1/orgs/acme/invitations,      none,          401",
            "GET,  /v1/orgs/acme/invitations,      bad-signature, 401",
            "GET,  /v1/orgs/acme/invitations,      expired,       401",
            "GET,  /v1/orgs/acme/invitations,      invite-only,   403",
            "GET,  /v1/orgs/acme/invitations,      other-org,     403",
            "GET,  /v1/orgs/acme/invitations,      all-orgs,      200",
            "GET,  /v1/orgs/acme/invitations,      acme,          200",
            "GET,  /v1/orgs/acme/invitations/42,   other-org,     404",
            "GET,  /v1/orgs/acme/invitations/42,   invite-only,   403",
            "GET,  /v1/orgs/acme/invitations/42,   acme,          200",
            "POST, /v1/orgs/acme/invitations,      none,          401",
            "POST, /v1/orgs/acme/invitations,      read-only,     403",
            "POST, /v1/orgs/acme/invitations,      other-org,     403",
            "POST, /v1/orgs/acme/invitations,      acme,          200",
            "POST, /v1/invitations:accept,         none,          200",
            "POST, /v1/orgs/acme/personalData:erase, invite-only, 403",
            "POST, /v1/orgs/acme/personalData:erase, privacy-only, 200",
            "GET,  /v1/orgs/acme/settings,         read-only,     200",
            "GET,  /v1/orgs/acme/settings,         settings-only, 403",
            "GET,  /v1/orgs/acme/settings/history, read-only,     200",
            "GET,  /v1/orgs/acme/settings/history, settings-only, 403",
            "PUT,  /v1/orgs/acme/settings,         none,          401",
            "PUT,  /v1/orgs/acme/settings,         invite-only,   403",
            "PUT,  /v1/orgs/acme/settings,         read-only,     403",
            "PUT,  /v1/orgs/acme/settings,         other-org,     403",
            "PUT,  /v1/orgs/acme/settings,         settings-only, 200",
            "PUT,  /v1/orgs/acme/settings,         acme,          200",
            // the path as Spring MVC matches it, decoded, decides the permission; not the address as sent
            "PUT,  /v1/orgs/acme/%73ettings,       invite-only,   403",
            "PUT,  /v1/orgs/%61cme/settings,       settings-only, 200",
            "POST, /v1/orgs/acme/personalD%61ta:erase, invite-only, 403",
            "POST, /v1/orgs/acme/personalData%3Aerase, invite-only, 403",
    })
    void callersGetWhatTheirTokenGrants(String method, String path, String credential, int status)
            throws Exception {
        HttpResponse<String> response = send(method, path, authorization(credential), "{}");

        assertThat(response.statusCode()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
        }
    }

    @Test
    void everyAnswerCarriesTheRateLimitAndWhatIsLeft() throws Exception {
        String bearer = JwtsForTests.bearer("counted-" + System.nanoTime(), EVERYTHING, "acme");

        var first = send("GET", "/v1/orgs/acme/invitations", bearer, "{}");
        var second = send("GET", "/v1/orgs/acme/invitations", bearer, "{}");

        assertThat(first.headers().firstValue("RateLimit-Limit")).hasValue("1200");
        assertThat(first.headers().firstValue("RateLimit-Remaining")).hasValue("1199");
        assertThat(second.headers().firstValue("RateLimit-Remaining")).hasValue("1198");
    }

    @Test
    void theCallerIsTheTokensSubject() throws Exception {
        var response = send("POST", "/v1/orgs/acme/invitations", JwtsForTests.bearer("alice", EVERYTHING, "acme"), "{}");

        assertThat(response.body()).isEqualTo("alice");
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        var response = send("POST", "/v1/invitations:accept", null, "{\"token\":\"" + "x".repeat(2000) + "\"}");

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("body-too-large");
    }

    private HttpResponse<String> send(String method, String path, String authorization, String body)
            throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String authorization(String credential) {
        return switch (credential) {
            case "none" -> null;
            case "bad-signature" -> "Bearer " + JwtsForTests.signed("another-secret-that-is-long-enough-to-sign",
                    "mallory", EVERYTHING, List.of("acme"), Instant.now().plusSeconds(600));
            case "expired" -> "Bearer " + JwtsForTests.signed(JwtsForTests.LOCAL_SECRET, "alice", EVERYTHING,
                    List.of("acme"), Instant.now().minusSeconds(600));
            case "invite-only" -> JwtsForTests.bearer("alice", "org.user.invite", "acme");
            case "read-only" -> JwtsForTests.bearer("alice", "org.user.read", "acme");
            case "settings-only" -> JwtsForTests.bearer("alice", "org.settings.manage", "acme");
            case "privacy-only" -> JwtsForTests.bearer("alice", "org.privacy.manage", "acme");
            case "other-org" -> JwtsForTests.bearer("alice", EVERYTHING, "globex");
            case "all-orgs" -> JwtsForTests.bearer("root", EVERYTHING, "*");
            case "acme" -> JwtsForTests.bearer("alice", EVERYTHING, "acme");
            default -> throw new IllegalArgumentException(credential);
        };
    }
}
