package dev.invitations.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.invitations.testing.MongoForTests;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** A stream's listeners see each fetched batch, with the events' stored payloads, before the stream hands them on. */
class FetchedEventsListenerTest {

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();

    private final MongoClient client = MongoClients.create(MongoForTests.connectionString());
    private final MongoDatabase database = client.getDatabase("fetched-events-" + UUID.randomUUID());
    private final MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
    private final List<String> seen = new ArrayList<>();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void eachFetchedBatchIsSeenBeforeItsEventsAreHandedOn() {
        var engine = engine(batch -> seen.add("fetched " + batch.stream()
                .map(event -> JSON.deserialize(event.getPayload()).toString())
                .collect(Collectors.joining(", "))));
        engine.appendEvents(event("a"), event("b"), event("c"));

        engine.readEvents(null, false)
                .forEach(message -> seen.add("handed on " + message.getPayload()));

        assertThat(seen).containsExactly(
                "fetched Happened[name=a], Happened[name=b], Happened[name=c]",
                "handed on Happened[name=a]", "handed on Happened[name=b]", "handed on Happened[name=c]");
    }

    @Test
    void anEmptyFetchIsNotReported() {
        var engine = engine(batch -> seen.add("fetched " + batch.size()));

        assertThat(engine.readEvents(null, false).count()).isZero();
        assertThat(seen).isEmpty();
    }

    private GlobalPositionEventStorageEngine engine(FetchedEventsListener listener) {
        return new GlobalPositionEventStorageEngine(
                MongoEventStorageEngine.builder().eventSerializer(JSON).snapshotSerializer(JSON), template,
                new GlobalPositionStorageStrategy(database.getCollection(MongoEventStoreConfiguration.POSITIONS_COLLECTION),
                        10_000, List.of(listener)));
    }

    private static GenericDomainEventMessage<Happened> event(String aggregate) {
        return new GenericDomainEventMessage<>("Test", aggregate, 0, new Happened(aggregate),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now());
    }

    record Happened(String name) {
    }
}
