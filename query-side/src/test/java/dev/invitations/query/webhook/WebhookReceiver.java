package dev.invitations.query.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.ToIntFunction;

/**
 * A webhook receiver as a subscriber would write one, on a random local port: it verifies each delivery with the
 * Standard Webhooks reference library ({@code new Webhook(secret).verify(body, headers)}) under the secrets it
 * knows, records it, and answers what {@link #answer} says (200 unless told otherwise).
 */
class WebhookReceiver implements AutoCloseable {

    /**
     * One request received.
     *
     * @param verifiedBy the secrets (of those given) whose signature verified
     */
    record Received(String id, String timestamp, String signature, String contentType, String body,
                    List<String> verifiedBy, int answered) {
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private volatile ToIntFunction<Received> answer = request -> 200;
    private volatile long delayMillis;

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    WebhookReceiver knowing(String... secrets) {
        this.secrets.addAll(List.of(secrets));
        return this;
    }

    /** What to answer each request; it sees the request, not yet in {@link #received}. */
    void answer(ToIntFunction<Received> answer) {
        this.answer = answer;
    }

    /** Answers only after this long. */
    void delay(long millis) {
        this.delayMillis = millis;
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> ids() {
        return received.stream().map(Received::id).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        var headers = exchange.getRequestHeaders();
        Map<String, List<String>> lowerCased = Map.of(
                "webhook-id", List.of(String.valueOf(headers.getFirst("webhook-id"))),
                "webhook-timestamp", List.of(String.valueOf(headers.getFirst("webhook-timestamp"))),
                "webhook-signature", List.of(String.valueOf(headers.getFirst("webhook-signature"))));
        List<String> verifiedBy = secrets.stream().filter(secret -> {
            try {
                new Webhook(secret).verify(body, lowerCased);
                return true;
            } catch (WebhookVerificationException e) {
                return false;
            }
        }).toList();
        var request = new Received(headers.getFirst("webhook-id"), headers.getFirst("webhook-timestamp"),
                headers.getFirst("webhook-signature"), headers.getFirst("Content-Type"), body, verifiedBy, 0);
        int status = answer.applyAsInt(request);
        try {
            Thread.sleep(delayMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        received.add(new Received(request.id(), request.timestamp(), request.signature(), request.contentType(),
                body, verifiedBy, status));
        exchange.sendResponseHeaders(status, -1);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
