package dev.invitations.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.invitations.testing.MongoForTests;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The event store keeps no snapshots: a stream is read from its events alone, whatever the snapshot collection holds. */
class NoSnapshotsTest {

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();

    private final MongoClient client = MongoClients.create(MongoForTests.connectionString());
    private final MongoDatabase database = client.getDatabase("no-snapshots-" + UUID.randomUUID());
    private final MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
    private final GlobalPositionEventStorageEngine engine = new GlobalPositionEventStorageEngine(
            MongoEventStorageEngine.builder().eventSerializer(JSON).snapshotSerializer(JSON), template,
            new GlobalPositionStorageStrategy(database.getCollection(MongoEventStoreConfiguration.POSITIONS_COLLECTION),
                    10_000, List.of()));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aStreamIsReadFromItsEventsEvenWhereASnapshotWasStored() {
        engine.appendEvents(event(0, "created"), event(1, "changed"));
        // a snapshot as axon-mongo's stock engine stores it, in the collection this engine shares with it
        MongoEventStorageEngine.builder().eventSerializer(JSON).snapshotSerializer(JSON).mongoTemplate(template).build()
                .storeSnapshot(event(1, "snapshot"));
        var eventStore = EmbeddedEventStore.builder().storageEngine(engine).build();

        try {
            assertThat(eventStore.readEvents("a").asStream().map(message -> ((Happened) message.getPayload()).name()))
                    .containsExactly("created", "changed");
        } finally {
            eventStore.shutDown();
        }
    }

    @Test
    void storingASnapshotIsRefused() {
        assertThatThrownBy(() -> engine.storeSnapshot(event(0, "snapshot")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static DomainEventMessage<Happened> event(long sequenceNumber, String name) {
        return new GenericDomainEventMessage<>("Test", "a", sequenceNumber, new Happened(name), MetaData.emptyInstance(),
                UUID.randomUUID().toString(), Instant.now());
    }

    record Happened(String name) {
    }
}
