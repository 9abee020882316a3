package dev.invitations.subscriber;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.api.invitation.InvitationUpdated;
import dev.invitations.testing.MongoForTests;
import org.axonframework.config.Configuration;
import org.axonframework.config.DefaultConfigurer;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * How another Java service follows the invitations: with only {@code shared-api} (the event records) and the Mongo
 * event store on its class path, it runs its own Axon tracking processor on the service's event store. A new
 * processor starts at the beginning, so it also receives the events written before it started.
 */
class SubscriberExampleTest {

    private static final Instant NOW = Instant.parse("2026-11-21T09:00:00Z");
    private final MongoClient client = MongoClients.create(MongoForTests.connectionString());

    /**
     * The subscriber's handler: a membership service would grant the role on InvitationAccepted. One handler of
     * the sealed {@link InvitationEvent} receives every invitation event.
     */
    static class MembershipSubscriber {

        final List<InvitationEvent> received = new CopyOnWriteArrayList<>();

        @EventHandler
        void on(InvitationEvent invitationEvent) {
            received.add(invitationEvent);
        }
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    @Test
    void itsOwnTrackingProcessorReceivesEveryEventTypeIncludingEarlierOnes() {
        EventStorageEngine eventStore = eventStoreIn(MongoForTests.database("subscriber-example"));
        writeOneEventOfEachType(eventStore);
        var subscriber = new MembershipSubscriber();

        Configuration axon = DefaultConfigurer.defaultConfiguration()
                .configureEmbeddedEventStore(config -> eventStore)
                .configureSerializer(config -> serializer())
                .eventProcessing(processing -> processing
                        .registerTrackingEventProcessor("membership")
                        .registerTokenStore("membership", config -> new InMemoryTokenStore())
                        .assignProcessingGroup(group -> "membership")
                        .registerEventHandler(config -> subscriber))
                .buildConfiguration();
        axon.start();
        try {
            await().atMost(Duration.ofSeconds(20)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(25))
                    .until(() -> subscriber.received.size() >= 9);
        } finally {
            axon.shutdown();
        }

        Set<Class<?>> types = subscriber.received.stream().map(Object::getClass).collect(Collectors.toSet());
        assertThat(types).containsExactlyInAnyOrder(InvitationCreated.class, InvitationUpdated.class,
                InvitationExpired.class, InvitationResent.class, InvitationRevoked.class, InvitationAccepted.class,
                InvitationDeclined.class);
    }

    private EventStorageEngine eventStoreIn(String database) {
        return MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder().mongoDatabase(client, database).build())
                .eventSerializer(serializer())
                .snapshotSerializer(serializer())
                .build();
    }

    /** Events are JSON: Jackson with ISO-8601 instants, as the service writes them. */
    private static JacksonSerializer serializer() {
        return JacksonSerializer.builder()
                .objectMapper(new ObjectMapper().registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS))
                .build();
    }

    /** What the command side stores for three invitations, which between them have every event type. */
    private static void writeOneEventOfEachType(EventStorageEngine storage) {
        var writer = EmbeddedEventStore.builder().storageEngine(storage).build();
        String one = "00000000-0000-0000-0000-000000000001";
        String two = "00000000-0000-0000-0000-000000000002";
        String three = "00000000-0000-0000-0000-000000000003";
        List.of(event(one, 0, created(one)),
                event(one, 1, new InvitationUpdated(one, "acme", List.of("admin"), Map.of(), "admin", NOW)),
                event(one, 2, new InvitationExpired(one, "acme", "a@example.com", NOW)),
                event(one, 3, new InvitationResent(one, "acme", "a@example.com", "hash-2", 2, NOW, "en", null, "admin",
                        NOW)),
                event(one, 4, new InvitationAccepted(one, "acme", "a@example.com", List.of("admin"), "user-1", null,
                        NOW)),
                event(two, 0, created(two)),
                event(two, 1, new InvitationRevoked(two, "acme", "a@example.com", null, "admin", NOW)),
                event(three, 0, created(three)),
                event(three, 1, new InvitationDeclined(three, "acme", "a@example.com", NOW)))
                .forEach(writer::publish);
        writer.shutDown();
    }

    private static InvitationCreated created(String id) {
        return new InvitationCreated(id, "acme", "a@example.com", List.of("member"), null, Map.of(), false,
                "hash-" + id, NOW.plusSeconds(600), "en", null, null, null, "admin", NOW);
    }

    private static GenericDomainEventMessage<Object> event(String invitationId, long sequence, Object payload) {
        return new GenericDomainEventMessage<>("Invitation", invitationId, sequence, payload);
    }
}
