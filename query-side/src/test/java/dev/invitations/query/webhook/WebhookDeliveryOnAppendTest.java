package dev.invitations.query.webhook;

import com.mongodb.client.MongoClient;
import dev.invitations.api.webhook.WebhookEvent;
import dev.invitations.api.webhook.WebhookRegistered;
import dev.invitations.query.EventsForTests;
import dev.invitations.security.JwtsForTests;
import dev.invitations.security.webhooks.WebhookSecrets;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.MongoForTests;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The instance that adds to an org's feed looks at that org's endpoints at once: with the poll an hour apart, an
 * event is still delivered; and an org without endpoints costs no look. A context of its own, on its own database, so
 * that no other context's poller delivers or reads its endpoints.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "invitations.webhooks.allow-http=true", "invitations.webhooks.allow-private-targets=true",
        "invitations.webhooks.poll-interval=PT1H"})
@Import(EventsForTests.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhookDeliveryOnAppendTest {

    private static final Duration PATIENCE = Duration.ofSeconds(20);

    @LocalServerPort
    int port;
    @Autowired
    private EventsForTests events;
    @Autowired
    private EventStore eventStore;
    @Autowired
    private WebhookSecrets secrets;
    @Autowired
    private MongoClient mongo;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        MongoForTests.use(registry, "webhook-delivery-on-append");
    }

    /** First, before any delivery of the other test can still be reading endpoints. */
    @Test
    @Order(1)
    void appendsToAnOrgWithoutEndpointsLookAtNoEndpoint() {
        String org = "no-endpoints";
        long before = endpointQueries();

        for (int i = 0; i < 3; i++) {
            events.create(org, "user" + i + "@example.com", EPOCH);
        }
        var reader = new HttpForTests(port, JwtsForTests.bearer("reader", "org.user.read", org));
        await().atMost(PATIENCE).until(() -> reader.get("/v1/orgs/" + org + "/events").body().get("events").size() == 3);
        // a look would come at most 50 ms after the append
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> endpointQueries() == before);
    }

    /** The {@code find} queries the server answered on this context's {@code webhook_endpoints} so far. */
    private long endpointQueries() {
        Document totals = mongo.getDatabase("admin").runCommand(new Document("top", 1)).get("totals", Document.class);
        Document endpoints = totals.get(MongoForTests.database("webhook-delivery-on-append") + ".webhook_endpoints",
                Document.class);
        return endpoints == null ? 0 : endpoints.get("queries", Document.class).get("count", Number.class).longValue();
    }

    @Test
    @Order(2)
    void anEventIsDeliveredWithoutWaitingForThePoll() throws Exception {
        String org = "on-append";
        String secret = WebhookSecrets.newSecret();
        try (var receiver = new WebhookReceiver().knowing(secret)) {
            String webhookId = UUID.randomUUID().toString();
            eventStore.publish(new GenericDomainEventMessage<>("WebhookEndpoint",
                    WebhookEvent.aggregateIdentifierOf(webhookId), 0,
                    new WebhookRegistered(org, webhookId, receiver.url(), List.of(), "test",
                            secrets.encrypt(webhookId, secret), "admin", Instant.now())));
            var integrations = new HttpForTests(port, JwtsForTests.bearer("integrator", "org.integrations.manage", "*"));
            await().atMost(PATIENCE).until(() -> integrations.get("/v1/orgs/" + org + "/webhooks/" + webhookId)
                    .status() == 200);

            String invitationId = events.create(org, "ada@example.com", EPOCH);

            List<String> delivered = await().atMost(PATIENCE).until(receiver::ids, ids -> !ids.isEmpty());
            String createdEventId = new HttpForTests(port, JwtsForTests.bearer("reader", "org.user.read", org)).get("/v1/orgs/" + org + "/events").body().get("events").get(0)
                    .get("id").asText();
            assertThat(delivered).containsExactly(createdEventId);
            assertThat(receiver.received().get(0).body()).contains(invitationId);
        }
    }
}
