package dev.invitations.security;

import dev.invitations.testing.MongoForTests;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Callers over their limit get 429 with Retry-After; the limit is per caller, and per address without a token. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ApiSecurityTest.StandInApi.class,
        properties = {"invitations.rate-limit.per-caller=3", "invitations.rate-limit.per-client-address=2",
                "invitations.rate-limit.period=PT1H"})
class RateLimitTest {

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "rate-limit-tests-" + System.nanoTime());
    }

    @Test
    void aCallerOverTheLimitIsToldToComeBackLaterWhileOthersGoOn() throws Exception {
        String alice = JwtsForTests.bearer("alice", JwtsForTests.EVERYTHING, "acme");
        List<HttpResponse<String>> answers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            answers.add(send("GET", "/v1/orgs/acme/invitations", alice));
        }

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200, 429);
        var refused = answers.get(3);
        assertThat(refused.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(refused.headers().firstValue("RateLimit-Remaining")).hasValue("0");

        String bob = JwtsForTests.bearer("bob", JwtsForTests.EVERYTHING, "acme");
        assertThat(send("GET", "/v1/orgs/acme/invitations", bob).statusCode()).isEqualTo(200);
    }

    @Test
    void theInviteesCallsAreLimitedPerClientAddress() throws Exception {
        assertThat(send("POST", "/v1/invitations:accept", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v1/invitations:accept", null).statusCode()).isEqualTo(200);
        assertThat(send("POST", "/v1/invitations:accept", null).statusCode()).isEqualTo(429);
    }

    private HttpResponse<String> send(String method, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .method(method, HttpRequest.BodyPublishers.ofString("{}"))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
