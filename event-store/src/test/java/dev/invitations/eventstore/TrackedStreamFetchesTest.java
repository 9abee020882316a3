package dev.invitations.eventstore;

import com.mongodb.ConnectionString;
import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.event.CommandListener;
import com.mongodb.event.CommandStartedEvent;
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
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** A tracked stream reads the events stored after its token, and fetches no more once a fetch came back short. */
class TrackedStreamFetchesTest {

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();
    private static final int BATCH_SIZE = 3;

    private final AtomicInteger eventFetches = new AtomicInteger();
    private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
            .applyConnectionString(new ConnectionString(MongoForTests.connectionString()))
            .addCommandListener(new CommandListener() {
                @Override
                public void commandStarted(CommandStartedEvent event) {
                    if (event.getCommandName().equals("find")
                            && event.getCommand().getString("find").getValue().equals("domainevents")) {
                        eventFetches.incrementAndGet();
                    }
                }
            })
            .build());
    private final MongoDatabase database = client.getDatabase("tracked-fetches-" + UUID.randomUUID());
    private final MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
    private final GlobalPositionEventStorageEngine engine = new GlobalPositionEventStorageEngine(
            MongoEventStorageEngine.builder().eventSerializer(JSON).snapshotSerializer(JSON).batchSize(BATCH_SIZE),
            template, new GlobalPositionStorageStrategy(
                    database.getCollection(MongoEventStoreConfiguration.POSITIONS_COLLECTION), 10_000, List.of()));

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aShortBatchEndsTheStream() {
        append("a", "b");
        eventFetches.set(0);

        assertThat(names()).containsExactly("a", "b");
        assertThat(eventFetches).hasValue(1);
    }

    @Test
    void fullBatchesAreFollowedUntilAShortOne() {
        append("a", "b", "c", "d", "e", "f", "g");
        eventFetches.set(0);

        assertThat(names()).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(eventFetches).hasValue(3);
    }

    @Test
    void aStreamOfExactlyFullBatchesEndsAtAnEmptyFetch() {
        append("a", "b", "c");
        eventFetches.set(0);

        assertThat(names()).containsExactly("a", "b", "c");
        assertThat(eventFetches).hasValue(2);
    }

    private List<String> names() {
        return engine.readEvents(null, false).map(message -> ((Happened) message.getPayload()).name()).toList();
    }

    private void append(String... names) {
        for (String name : names) {
            engine.appendEvents(new GenericDomainEventMessage<>("Test", name, 0, new Happened(name),
                    MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now()));
        }
    }

    record Happened(String name) {
    }
}
