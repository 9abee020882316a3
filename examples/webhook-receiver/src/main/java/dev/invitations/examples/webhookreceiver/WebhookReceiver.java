package dev.invitations.examples.webhookreceiver;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A webhook receiver as a subscriber of the invitation service writes one: a JDK {@link HttpServer} that verifies
 * each {@code POST} with the Standard Webhooks library and the endpoint's secret (the {@code whsec_...} that
 * registering the endpoint answered), answers 204 to a verified delivery and 400 to any other, and hands each
 * verified delivery to the caller's {@link Consumer}.
 * <p>
 * Verification covers the {@code webhook-id}, the {@code webhook-timestamp} (refused when more than five minutes
 * off, so a recorded delivery cannot be replayed later) and the body exactly as received, before any parsing.
 * Delivery is at least once: a retry carries the same {@code webhook-id} (the event's id), so a consumer that must
 * act once per event deduplicates on it; this receiver deduplicates nothing. When the consumer throws, the
 * connection is closed without an answer and the service retries the delivery. Requests are handled one at a time,
 * on the server's own thread: the service sends an endpoint's deliveries one after another, in feed order.
 * <p>
 * {@link #main} runs one from the environment, {@code PORT} (9000) and {@code WEBHOOK_SECRET}, and prints a line
 * per POST: {@code verified <webhook-id> <type>} or {@code refused <webhook-id> <reason>}.
 */
public final class WebhookReceiver implements AutoCloseable {

    /**
     * A verified delivery.
     *
     * @param id        the {@code webhook-id}: the event's id, the same in every retry of it
     * @param timestamp the {@code webhook-timestamp}: when this attempt was signed
     * @param body      the body as received: the event as CloudEvents JSON
     */
    public record Delivery(String id, Instant timestamp, String body) {
    }

    /**
     * A refused request.
     *
     * @param id     its {@code webhook-id}, null without one
     * @param reason why the library refused it
     */
    public record Refusal(String id, String reason) {
    }

    // the CloudEvent's "type": the service writes it before "data", whose members may be called "type" too
    private static final Pattern TYPE = Pattern.compile("\"type\"\\s*:\\s*\"([^\"]*)\"");

    private final HttpServer server;
    private final Webhook webhook;
    private final Consumer<Delivery> verified;
    private final Consumer<Refusal> refused;

    private WebhookReceiver(int port, String secret, Consumer<Delivery> verified, Consumer<Refusal> refused)
            throws IOException {
        this.webhook = new Webhook(secret);
        this.verified = verified;
        this.refused = refused;
        this.server = HttpServer.create(new InetSocketAddress(port), 0);
        server.createContext("/", this::handle);
    }

    /**
     * Listens on {@code port} (0: any free one, see {@link #port()}) on every interface, any path.
     *
     * @param secret   the endpoint's secret, {@code whsec_} and base64
     * @param verified called with each verified delivery, before the 204 answer
     * @param refused  called with each refused request, before the 400 answer
     */
    public static WebhookReceiver start(int port, String secret, Consumer<Delivery> verified,
                                        Consumer<Refusal> refused) throws IOException {
        var receiver = new WebhookReceiver(port, secret, verified, refused);
        receiver.server.start();
        return receiver;
    }

    /** The port it listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            // the raw body: parsed JSON written back would not be the bytes that were signed
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            String id = headers.getFirst("webhook-id");
            try {
                webhook.verify(body, headers);
            } catch (WebhookVerificationException e) {
                refused.accept(new Refusal(id, e.getMessage()));
                exchange.sendResponseHeaders(400, -1);
                return;
            }
            long timestamp = Long.parseLong(headers.getFirst("webhook-timestamp"));
            verified.accept(new Delivery(id, Instant.ofEpochSecond(timestamp), body));
            exchange.sendResponseHeaders(204, -1);
        } finally {
            exchange.close();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Runs a receiver from {@code PORT} and {@code WEBHOOK_SECRET} until the process is stopped. */
    public static void main(String[] args) throws IOException {
        String secret = System.getenv("WEBHOOK_SECRET");
        if (secret == null || secret.isBlank()) {
            System.err.println("Set WEBHOOK_SECRET to the endpoint's secret (whsec_...), as registering it answered");
            System.exit(2);
        }
        int port = Integer.parseInt(System.getenv().getOrDefault("PORT", "9000"));
        var receiver = start(port, secret,
                delivery -> System.out.println("verified " + delivery.id() + " " + type(delivery.body())),
                refusal -> System.out.println("refused " + Objects.requireNonNullElse(refusal.id(), "-") + " "
                        + refusal.reason()));
        System.out.println("listening on port " + receiver.port());
    }

    private static String type(String body) {
        Matcher type = TYPE.matcher(body);
        return type.find() ? type.group(1) : "-";
    }
}
