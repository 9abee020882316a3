package dev.invitations.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import dev.invitations.testing.MongoForTests;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntry;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static com.mongodb.client.model.Filters.eq;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Events committed after a newer one was already handled, which happens whenever two writers' commits cross (each
 * takes its positions, then inserts): a pooled streaming processor must still handle each of them, once.
 */
class LateCommitsTest {

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();
    private static final String PROCESSOR = "late-commits";

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private final InMemoryTokenStore tokens = new InMemoryTokenStore();
    private final MongoClient client = MongoClients.create(MongoForTests.connectionString());
    private final MongoDatabase database = client.getDatabase("late-commits-" + UUID.randomUUID());
    private final MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
    private MongoEventStorageEngine engine;
    private PooledStreamingEventProcessor processor;

    @AfterEach
    void stop() {
        if (processor != null) {
            processor.shutDown();
        }
        client.close();
    }

    @Test
    void anEventCommittedAfterANewerOneIsHandled() {
        startProcessor(10_000);
        append("first");
        long latePosition = takePosition();
        append("newer");
        await().until(() -> handled.contains("newer"));

        insertAt(latePosition, "late");

        await().until(() -> handled.contains("late"));
        assertThat(handled).containsExactly("first", "newer", "late");
    }

    @Test
    void commitsCrossedInAnyOrderAreEachHandledOnce() {
        startProcessor(10_000);
        List<Long> positions = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            positions.add(takePosition());
        }
        Collections.shuffle(positions, new Random(7));

        positions.forEach(position -> insertAt(position, "event-" + position));

        await().until(() -> handled.size() >= 200);
        assertThat(handled).doesNotHaveDuplicates().hasSize(200);
    }

    @Test
    void aPositionWhoseWriterFailedIsGivenUpOnceFarEnoughBehind() {
        startProcessor(5);
        long abandoned = takePosition();
        for (int i = 0; i < 3; i++) {
            append("before-" + i);
        }
        await().until(() -> handled.size() == 3);
        assertThat(storedToken().getGaps()).containsExactly(abandoned);

        for (int i = 0; i < 5; i++) {
            append("after-" + i);
        }

        await().until(() -> handled.size() == 8);
        await().untilAsserted(() -> assertThat(storedToken().getGaps()).isEmpty());
    }

    @Test
    void theHeadTokenStandsAfterTheLastPositionTaken() {
        startProcessor(10_000);
        append("one");
        append("two");

        assertThat(engine.createHeadToken()).isEqualTo(GapAwareTrackingToken.newInstance(2, List.of()));
    }

    @Test
    void eventsWrittenWithoutPositionsByAnEarlierVersionAreRefused() {
        template.eventCollection().insertOne(new Document("aggregateIdentifier", "old").append("sequenceNumber", 0L));

        assertThatThrownBy(() -> startProcessor(10_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("without a global position");
    }

    private void startProcessor(int maxGapOffset) {
        engine = new GlobalPositionEventStorageEngine(
                MongoEventStorageEngine.builder().eventSerializer(JSON).snapshotSerializer(JSON), template,
                new GlobalPositionStorageStrategy(positions(), maxGapOffset, List.of()));
        processor = PooledStreamingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Recorder(handled)).build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(engine).build())
                .tokenStore(tokens)
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newSingleThreadScheduledExecutor())
                .initialSegmentCount(1)
                .build();
        processor.start();
    }

    private void append(String name) {
        engine.appendEvents(event(name));
    }

    /** A writer that took its position and has not inserted yet. */
    private long takePosition() {
        return positions().findOneAndUpdate(eq("_id", "events"), Updates.inc("last", 1L),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)).getLong("last");
    }

    /** That writer inserting at last. */
    private void insertAt(long position, String name) {
        Document document = new EventEntry(event(name), JSON).asDocument(EventEntryConfiguration.getDefault());
        template.eventCollection().insertOne(document.append(GlobalPositionStorageStrategy.POSITION, position));
    }

    private com.mongodb.client.MongoCollection<Document> positions() {
        return database.getCollection(MongoEventStoreConfiguration.POSITIONS_COLLECTION);
    }

    private GapAwareTrackingToken storedToken() {
        return (GapAwareTrackingToken) tokens.fetchToken(PROCESSOR, 0);
    }

    private static GenericDomainEventMessage<Happened> event(String name) {
        return new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0, new Happened(name),
                MetaData.emptyInstance(), UUID.randomUUID().toString(), Instant.now());
    }

    record Happened(String name) {
    }

    static final class Recorder {

        private final List<String> handled;

        Recorder(List<String> handled) {
            this.handled = handled;
        }

        @EventHandler
        void on(Happened event) {
            handled.add(event.name());
        }
    }
}
