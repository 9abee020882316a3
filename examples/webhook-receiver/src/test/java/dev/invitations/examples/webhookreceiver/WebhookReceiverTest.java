package dev.invitations.examples.webhookreceiver;

import com.standardwebhooks.Webhook;
import dev.invitations.examples.webhookreceiver.WebhookReceiver.Delivery;
import dev.invitations.examples.webhookreceiver.WebhookReceiver.Refusal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The receiver over HTTP, with requests signed by the Standard Webhooks library as the service signs its deliveries:
 * a signed one is answered 204 and handed over as received; a changed body, another secret's signature or an old
 * timestamp, 400 and not handed over.
 */
class WebhookReceiverTest {

    private static final String SECRET = secret();
    private static final String ID = "0b8a6bbd-3b0f-4c36-9e43-b0e0f2b1e5f1";
    private static final String BODY = "{\"specversion\":\"1.0\",\"id\":\"" + ID + "\",\"type\":"
            + "\"invitations.v1.InvitationCreated\",\"data\":{\"role\":\"member\"}}";

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<Delivery> delivered = new CopyOnWriteArrayList<>();
    private final List<Refusal> refused = new CopyOnWriteArrayList<>();
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = WebhookReceiver.start(0, SECRET, delivered::add, refused::add);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aSignedDeliveryIsAnswered204AndHandedOverAsReceived() throws Exception {
        long now = Instant.now().getEpochSecond();

        int status = post(BODY, now, new Webhook(SECRET).sign(ID, now, BODY));

        assertThat(status).isEqualTo(204);
        assertThat(delivered).containsExactly(new Delivery(ID, Instant.ofEpochSecond(now), BODY));
        assertThat(refused).isEmpty();
    }

    @Test
    void aChangedBodyIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();

        int status = post(BODY.replace("member", "admin"), now, new Webhook(SECRET).sign(ID, now, BODY));

        assertThat(status).isEqualTo(400);
        assertThat(delivered).isEmpty();
        assertThat(refused).extracting(Refusal::id).containsExactly(ID);
    }

    @Test
    void anotherSecretsSignatureIsRefused() throws Exception {
        long now = Instant.now().getEpochSecond();

        int status = post(BODY, now, new Webhook(secret()).sign(ID, now, BODY));

        assertThat(status).isEqualTo(400);
        assertThat(delivered).isEmpty();
        assertThat(refused).hasSize(1);
    }

    @Test
    void aSignedDeliveryTenMinutesOldIsRefused() throws Exception {
        long then = Instant.now().getEpochSecond() - 600;

        int status = post(BODY, then, new Webhook(SECRET).sign(ID, then, BODY));

        assertThat(status).isEqualTo(400);
        assertThat(delivered).isEmpty();
        assertThat(refused).hasSize(1);
    }

    private int post(String body, long timestamp, String signature) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + "/hooks"))
                .header("Content-Type", "application/cloudevents+json")
                .header("webhook-id", ID)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static String secret() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return "whsec_" + Base64.getEncoder().encodeToString(key);
    }
}
