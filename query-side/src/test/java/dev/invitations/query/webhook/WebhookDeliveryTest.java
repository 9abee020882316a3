package dev.invitations.query.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.api.webhook.WebhookChanged;
import dev.invitations.api.webhook.WebhookDeleted;
import dev.invitations.api.webhook.WebhookEvent;
import dev.invitations.api.webhook.WebhookRegistered;
import dev.invitations.api.webhook.WebhookReplayRequested;
import dev.invitations.api.webhook.WebhookSecretRotated;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.security.webhooks.WebhookSecrets;
import dev.invitations.testing.HttpForTests;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deliveries to a real HTTP receiver ({@link WebhookReceiver}, which verifies each with the Standard Webhooks
 * reference library): order, headers, signatures, retries of the same event, order kept behind a failing one, 410,
 * timeout, the types filter, rotation, replay, the deliveries list, deletion, giving up; and no secret in plain in the
 * stored documents. The endpoints' events are written into the event store as the command side writes them.
 */
class WebhookDeliveryTest extends RunningQuerySide {

    private static final Duration DELIVERY = Duration.ofSeconds(20);

    @Autowired
    private EventStore eventStore;
    @Autowired
    private WebhookSecrets secrets;
    @Autowired
    private MongoTemplate mongo;
    @Autowired
    private EventProcessingConfiguration processing;

    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void stopReceivers() {
        receivers.forEach(WebhookReceiver::close);
    }

    private HttpForTests integrations() {
        return new HttpForTests(port, JwtsForTests.bearer("integrator", "org.integrations.manage", "*"));
    }

    private WebhookReceiver receiver(String... secrets) throws Exception {
        var receiver = new WebhookReceiver().knowing(secrets);
        receivers.add(receiver);
        return receiver;
    }

    private void write(String webhookId, long sequence, WebhookEvent event) {
        eventStore.publish(new GenericDomainEventMessage<>("WebhookEndpoint",
                WebhookEvent.aggregateIdentifierOf(webhookId), sequence, event));
    }

    /** Registers an endpoint with {@code secret} and waits until the query side has it. */
    private String register(String org, String url, List<String> types, String secret) {
        String id = UUID.randomUUID().toString();
        write(id, 0, new WebhookRegistered(org, id, url, types, "test", secrets.encrypt(id, secret), "admin",
                Instant.now()));
        eventually(() -> integrations().get(webhookOf(org, id)), answer -> answer.status() == 200);
        return id;
    }

    private static String webhookOf(String org, String id) {
        return "/v1/orgs/" + org + "/webhooks/" + id;
    }

    private List<String> feedIds(String org) {
        var ids = new ArrayList<String>();
        reader().get("/v1/orgs/" + org + "/events?limit=100").body().get("events")
                .forEach(event -> ids.add(event.get("id").asText()));
        return ids;
    }

    private List<String> awaitIds(WebhookReceiver receiver, int count) {
        return eventually(receiver::ids, ids -> ids.size() >= count, DELIVERY);
    }

    @Test
    void deliversEveryEventInFeedOrderAsTheFeedShowsItSignedAndListsTheDeliveries() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        String id = register(org, receiver.url(), List.of(), secret);

        String first = events.create(org, "ada@example.com", EPOCH);
        events.write(first, 1, events.revoked(org, first, "ada@example.com"));
        events.create(org, "bob@example.com", EPOCH.plusSeconds(1));

        List<String> ids = awaitIds(receiver, 3);
        List<String> feed = feedIds(org);
        assertThat(ids).containsExactlyElementsOf(feed);
        JsonNode feedEvents = reader().get("/v1/orgs/" + org + "/events?limit=100").body().get("events");
        long now = Instant.now().getEpochSecond();
        for (int i = 0; i < 3; i++) {
            var delivery = receiver.received().get(i);
            assertThat(delivery.contentType()).isEqualTo("application/cloudevents+json");
            assertThat(delivery.verifiedBy()).containsExactly(secret);
            assertThat(delivery.signature()).startsWith("v1,").doesNotContain(" ");
            assertThat(Long.parseLong(delivery.timestamp())).isBetween(now - 60, now + 5);
            JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper().readTree(delivery.body());
            assertThat(body).isEqualTo(feedEvents.get(i));
            assertThat(body.get("id").asText()).isEqualTo(delivery.id());
            assertThat(body.get("specversion").asText()).isEqualTo("1.0");
        }

        JsonNode webhook = eventually(() -> integrations().get(webhookOf(org, id)).body(),
                body -> body.get("position").asText().equals("3"));
        assertThat(webhook.get("enabled").asBoolean()).isTrue();
        assertThat(webhook.get("failing").asBoolean()).isFalse();
        assertThat(webhook.has("secret")).isFalse();
        assertThat(webhook.toString()).doesNotContain(secret.substring(6));
        JsonNode deliveries = integrations().get(webhookOf(org, id) + "/deliveries").body().get("deliveries");
        assertThat(deliveries).hasSize(3);
        assertThat(deliveries.get(0).get("eventId").asText()).isEqualTo(feed.get(2));
        assertThat(deliveries.get(2).get("eventId").asText()).isEqualTo(feed.get(0));
        assertThat(deliveries.get(0).get("statusCode").asInt()).isEqualTo(200);
        assertThat(deliveries.get(0).get("attempt").asInt()).isEqualTo(1);
        assertThat(deliveries.get(0).get("error").isNull()).isTrue();
        assertThat(deliveries.get(0).get("nextAttemptTime").isNull()).isTrue();
        assertThat(deliveries.get(0).has("latencyMs")).isTrue();

        JsonNode list = integrations().get("/v1/orgs/" + org + "/webhooks").body().get("webhooks");
        assertThat(list).hasSize(1);
        assertThat(list.get(0).get("id").asText()).isEqualTo(id);
    }

    @Test
    void anEndpointGetsEveryEventStoredAfterItsRegistrationHoweverLateItsSettingsAreRead() throws Exception {
        var endpoints = processing.eventProcessor(WebhookProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow();
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        String id = UUID.randomUUID().toString();
        endpoints.shutdownAsync().join();
        try {
            write(id, 0, new WebhookRegistered(org, id, receiver.url(), List.of(), "test", secrets.encrypt(id, secret),
                    "admin", Instant.now()));
            events.create(org, "right-after@example.com", EPOCH);
            // the feed holds the invitation before the endpoints' processor has read the registration
            eventually(() -> feedIds(org), ids -> ids.size() == 1);
        } finally {
            endpoints.start();
        }

        assertThat(awaitIds(receiver, 1)).containsExactlyElementsOf(feedIds(org));
    }

    @Test
    void aFailingEventIsRetriedWithTheSameIdAndLaterEventsWaitBehindIt() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        var calls = new AtomicInteger();
        receiver.answer(request -> calls.incrementAndGet() <= 2 ? 500 : 204);
        String id = register(org, receiver.url(), List.of(), secret);

        events.create(org, "ada@example.com", EPOCH);
        events.create(org, "bob@example.com", EPOCH.plusSeconds(1));

        List<String> ids = awaitIds(receiver, 4);
        List<String> feed = feedIds(org);
        assertThat(ids).containsExactly(feed.get(0), feed.get(0), feed.get(0), feed.get(1));
        assertThat(receiver.received()).allSatisfy(delivery -> assertThat(delivery.verifiedBy()).hasSize(1));
        JsonNode deliveries = eventually(() -> integrations().get(webhookOf(org, id) + "/deliveries").body()
                .get("deliveries"), list -> list.size() == 4);
        JsonNode firstFailure = deliveries.get(3);
        assertThat(firstFailure.get("statusCode").asInt()).isEqualTo(500);
        assertThat(firstFailure.get("attempt").asInt()).isEqualTo(1);
        assertThat(firstFailure.get("error").asText()).contains("500");
        assertThat(firstFailure.get("nextAttemptTime").isNull()).isFalse();
        assertThat(deliveries.get(1).get("attempt").asInt()).isEqualTo(3);
        assertThat(deliveries.get(1).get("statusCode").asInt()).isEqualTo(204);
    }

    @Test
    void a410DisablesTheEndpointAtOnceAndEnablingItResumes() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        receiver.answer(request -> 410);
        String id = register(org, receiver.url(), List.of(), secret);

        events.create(org, "ada@example.com", EPOCH);
        JsonNode webhook = eventually(() -> integrations().get(webhookOf(org, id)).body(),
                body -> body.get("failing").asBoolean(), DELIVERY);
        assertThat(webhook.get("enabled").asBoolean()).isFalse();
        events.create(org, "bob@example.com", EPOCH);
        Thread.sleep(1000);
        assertThat(receiver.ids()).hasSize(1);

        receiver.answer(request -> 200);
        write(id, 1, new WebhookChanged(org, id, receiver.url(), List.of(), "test", true, true, "admin",
                Instant.now()));
        assertThat(awaitIds(receiver, 3)).hasSize(3);
        assertThat(integrations().get(webhookOf(org, id)).body().get("enabled").asBoolean()).isTrue();
    }

    @Test
    void anEndpointThatDoesNotAnswerInTimeIsRetried() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        receiver.delay(2500);
        String id = register(org, receiver.url(), List.of(), secret);

        events.create(org, "ada@example.com", EPOCH);
        JsonNode deliveries = eventually(() -> integrations().get(webhookOf(org, id) + "/deliveries").body()
                .get("deliveries"), list -> list.size() >= 1, DELIVERY);
        assertThat(deliveries.get(0).get("error").asText()).contains("no answer within");
        assertThat(deliveries.get(0).get("statusCode").isNull()).isTrue();

        receiver.delay(0);
        eventually(() -> integrations().get(webhookOf(org, id)).body(),
                body -> body.get("position").asText().equals("1"), DELIVERY);
    }

    @Test
    void anEndpointReceivesOnlyItsTypesAndItsPositionMovesPastTheOthers() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        String id = register(org, receiver.url(), List.of("invitations.v1.InvitationRevoked"), secret);

        String first = events.create(org, "ada@example.com", EPOCH);
        events.write(first, 1, events.revoked(org, first, "ada@example.com"));
        events.create(org, "bob@example.com", EPOCH);

        eventually(() -> integrations().get(webhookOf(org, id)).body(),
                body -> body.get("position").asText().equals("3"), DELIVERY);
        assertThat(receiver.ids()).containsExactly(feedIds(org).get(1));
        assertThat(receiver.received().get(0).body()).contains("\"type\":\"invitations.v1.InvitationRevoked\"");
    }

    @Test
    void afterARotationDeliveriesAreSignedUnderBothSecrets() throws Exception {
        String org = newOrg();
        String oldSecret = WebhookSecrets.newSecret();
        String newSecret = WebhookSecrets.newSecret();
        var receiver = receiver(oldSecret, newSecret);
        String id = register(org, receiver.url(), List.of(), oldSecret);
        events.create(org, "ada@example.com", EPOCH);
        awaitIds(receiver, 1);

        write(id, 1, new WebhookSecretRotated(org, id, secrets.encrypt(id, newSecret),
                Instant.now().plus(Duration.ofHours(24)), "admin", Instant.now()));
        Thread.sleep(500);
        events.create(org, "bob@example.com", EPOCH);
        awaitIds(receiver, 2);

        assertThat(receiver.received().get(0).verifiedBy()).containsExactly(oldSecret);
        var rotated = receiver.received().get(1);
        assertThat(rotated.signature().split(" ")).hasSize(2);
        assertThat(rotated.verifiedBy()).containsExactlyInAnyOrder(oldSecret, newSecret);
    }

    @Test
    void aReplayDeliversEveryEventAfterTheCursorAgain() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        String id = register(org, receiver.url(), List.of(), secret);
        events.create(org, "ada@example.com", EPOCH);
        events.create(org, "bob@example.com", EPOCH);
        awaitIds(receiver, 2);
        List<String> feed = feedIds(org);

        write(id, 1, new WebhookReplayRequested(org, id, 1, "admin", Instant.now()));

        assertThat(awaitIds(receiver, 3)).containsExactly(feed.get(0), feed.get(1), feed.get(1));
    }

    @Test
    void aDeletedEndpointGetsNothingMoreAndIsGone() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        String id = register(org, receiver.url(), List.of(), secret);
        events.create(org, "ada@example.com", EPOCH);
        awaitIds(receiver, 1);

        write(id, 1, new WebhookDeleted(org, id, "admin", Instant.now()));
        eventually(() -> integrations().get(webhookOf(org, id)), answer -> answer.status() == 404);
        events.create(org, "bob@example.com", EPOCH);
        eventually(() -> feedIds(org), ids -> ids.size() == 2);
        Thread.sleep(1000);

        assertThat(receiver.ids()).hasSize(1);
        assertThat(integrations().get("/v1/orgs/" + org + "/webhooks").body().get("webhooks")).isEmpty();
        assertThat(integrations().get(webhookOf(org, id) + "/deliveries").status()).isEqualTo(404);
    }

    @Test
    void anEndpointFailingLongerThanGiveUpAfterIsSetFailing() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        receiver.answer(request -> 503);
        String id = register(org, receiver.url(), List.of(), secret);
        events.create(org, "ada@example.com", EPOCH);

        JsonNode webhook = eventually(() -> integrations().get(webhookOf(org, id)).body(),
                body -> body.get("failing").asBoolean(), DELIVERY);

        assertThat(webhook.get("enabled").asBoolean()).isFalse();
        assertThat(webhook.get("position").asText()).isEqualTo("0");
        assertThat(receiver.ids()).hasSizeGreaterThan(3).allMatch(receiver.ids().get(0)::equals);
    }

    @Test
    void noSecretIsStoredInPlainAndOnlyIntegrationManagersReadWebhooks() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var receiver = receiver(secret);
        String id = register(org, receiver.url(), List.of(), secret);
        events.create(org, "ada@example.com", EPOCH);
        awaitIds(receiver, 1);

        String key = secret.substring("whsec_".length());
        for (String collection : mongo.getCollectionNames()) {
            for (Document document : mongo.findAll(Document.class, collection)) {
                assertThat(document.toJson()).as(collection).doesNotContain(key);
            }
        }
        assertThat(reader().get(webhookOf(org, id)).status()).isEqualTo(403);
        assertThat(reader().get("/v1/orgs/" + org + "/webhooks").status()).isEqualTo(403);
        var otherOrg = new HttpForTests(port, JwtsForTests.bearer("integrator", "org.integrations.manage", "other"));
        assertThat(otherOrg.get(webhookOf(org, id)).status()).isIn(403, 404);
        assertThat(integrations().get(webhookOf(newOrg(), id)).status()).isEqualTo(404);
        assertThat(integrations().get(webhookOf(org, "not-an-id")).status()).isEqualTo(400);
    }

    @Test
    void aSlowEndpointHoldsUpNoOtherEndpoint() throws Exception {
        String org = newOrg();
        String secret = WebhookSecrets.newSecret();
        var slow = receiver(secret);
        slow.delay(900);
        var fast = receiver(secret);
        register(org, slow.url(), List.of(), secret);
        register(org, fast.url(), List.of(), secret);

        events.create(org, "ada@example.com", EPOCH);
        events.create(org, "bob@example.com", EPOCH);
        events.create(org, "cy@example.com", EPOCH);

        awaitIds(fast, 3);
        assertThat(slow.ids()).as("the slow endpoint, 0.9 s an event").hasSizeLessThan(3);
        assertThat(awaitIds(slow, 3)).containsExactlyElementsOf(fast.ids());
    }
}
