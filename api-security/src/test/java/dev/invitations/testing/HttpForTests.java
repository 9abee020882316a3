package dev.invitations.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** JSON over real HTTP to a running side, the way a client of the contract calls it. Both sides' tests use it. */
public final class HttpForTests {

    /** A response with its body parsed as JSON (a missing node when there is no JSON body). */
    public record Answer(int status, JsonNode body, HttpResponse<String> raw) {

        public String text() {
            return raw.body();
        }

        public Optional<String> header(String name) {
            return raw.headers().firstValue(name);
        }

        public String contentType() {
            return header("Content-Type").orElse("");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String base;
    private final String authorization;

    /** @param authorization the {@code Authorization} header every request carries, or null for none */
    public HttpForTests(int port, String authorization) {
        this.base = "http://127.0.0.1:" + port;
        this.authorization = authorization;
    }

    public Answer get(String path, String... headers) {
        return send("GET", path, null, headers);
    }

    /** A POST without a body. */
    public Answer post(String path) {
        return send("POST", path, null);
    }

    public Answer post(String path, String json, String... headers) {
        return send("POST", path, json, headers);
    }

    public Answer put(String path, String json, String... headers) {
        return send("PUT", path, json, headers);
    }

    public Answer patch(String path, String json, String... headers) {
        return send("PATCH", path, json, headers);
    }

    public Answer delete(String path, String... headers) {
        return send("DELETE", path, null, headers);
    }

    /**
     * @param body    JSON, sent with its {@code Content-Type}, or null for none
     * @param headers names and values in turn; they replace the client's own ({@code Authorization} too)
     */
    public Answer send(String method, String path, String body, String... headers) {
        var request = request(method, URI.create(base + path), body, authorization);
        for (int i = 0; i < headers.length; i += 2) {
            request.setHeader(headers[i], headers[i + 1]);
        }
        try {
            HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
            boolean isJson = response.headers().firstValue("Content-Type").orElse("").contains("json");
            JsonNode json = response.body().isEmpty() || !isJson ? JSON.missingNode() : JSON.readTree(response.body());
            return new Answer(response.statusCode(), json, response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A request as a client of the contract sends it, for a test that sends it with a client of its own.
     *
     * @param body          JSON, sent with its {@code Content-Type}, or null for none
     * @param authorization the {@code Authorization} header, or null for none
     */
    public static HttpRequest.Builder request(String method, URI uri, String body, String authorization) {
        var request = HttpRequest.newBuilder(uri)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    /**
     * Sends {@code request} every 200 ms, for up to 30 s, until it is answered {@code wanted}, as a client does
     * while a side's storage comes back; {@code meanwhile} is the only other answer allowed on the way.
     */
    public static Answer retryUntil(int wanted, int meanwhile, Supplier<Answer> request) {
        return await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(request::get, answer -> {
                    if (answer.status() == wanted) {
                        return true;
                    }
                    assertThat(answer.status()).as(answer.raw().uri() + " " + answer.text()).isEqualTo(meanwhile);
                    return false;
                });
    }
}
