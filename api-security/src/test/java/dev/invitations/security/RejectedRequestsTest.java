package dev.invitations.security;

import dev.invitations.testing.MongoForTests;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests refused before any controller sees them (by Tomcat or by Spring Security's firewall) still answer
 * with problem+json. Sent over a raw socket: an HTTP client library would refuse to send most of them.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, classes = ApiSecurityTest.StandInApi.class)
class RejectedRequestsTest {

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void embeddedMongo(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "rejected-requests-tests");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "/v1/orgs/acme/invitations/..%2F..%2Fadmin",
            "/v1/orgs/acme/invitations/%00",
            "/v1/orgs/acme/invitations/%zz",
            "/v1/orgs/acme/invitations/x;jsessionid=1",
            "/v1/orgs/acme//invitations",
            "/v1/orgs/acme/invitations/%2e%2e/x",
            "/v1/orgs/acme/invitations/\u00e9",
    })
    void refusedPathsAnswerProblemJson(String path) throws IOException {
        String answer = rawRequest("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(answer)).isBetween(400, 499);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(ints = {9_000, 20_000})
    void oversizedRequestLinesAnswerProblemJson(int length) throws IOException {
        String answer = rawRequest("GET /v1/orgs/acme/invitations/" + "a".repeat(length)
                + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");

        assertThat(statusOf(answer)).isBetween(400, 499);
        assertThat(answer).containsIgnoringCase("Content-Type: application/problem+json");
    }

    private String rawRequest(String request) throws IOException {
        try (var socket = new Socket("127.0.0.1", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static int statusOf(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }
}
