package dev.invitations.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.invitations.embeddedmongo.EmbeddedMongoServer;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events committed after a newer one was already handled, which happens whenever two writers' commits cross: a pooled
 * streaming processor on the embedded server must still handle each of them, once.
 */
class LateCommitsTest {

    private static final Duration LOOK_BACK = Duration.ofSeconds(5);
    private static final Serializer JSON = JacksonSerializer.defaultSerializer();

    private final List<String> handled = new CopyOnWriteArrayList<>();
    private MongoClient client;
    private MongoEventStorageEngine engine;
    private PooledStreamingEventProcessor processor;

    @BeforeEach
    void startProcessor() {
        client = MongoClients.create(EmbeddedMongoServer.shared().connectionString());
        engine = MongoEventStorageEngine.builder()
                .mongoTemplate(DefaultMongoTemplate.builder()
                        .mongoDatabase(client, "late-commits-" + UUID.randomUUID()).build())
                .storageStrategy(new LookBackStorageStrategy(LOOK_BACK))
                .eventSerializer(JSON)
                .snapshotSerializer(JSON)
                .build();
        engine.ensureIndexes();
        processor = PooledStreamingEventProcessor.builder()
                .name("late-commits")
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder().eventHandlers(new Recorder(handled)).build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(engine).build())
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newSingleThreadScheduledExecutor())
                .initialSegmentCount(1)
                .initialToken(StreamableMessageSource::createTailToken)
                .build();
        processor.start();
    }

    @AfterEach
    void stop() {
        processor.shutDown();
        client.close();
    }

    @Test
    void anEventStampedBeforeTheLastHandledOneButCommittedAfterItIsHandled() {
        Instant now = Instant.now();
        append("newest", now);
        await().until(() -> handled.contains("newest"));

        // stamped a second earlier, committed now: within the look-back, but older than all the token knows
        append("late", now.minusSeconds(1));
        append("next", now.plusMillis(1));

        await().until(() -> handled.contains("next"));
        await().until(() -> handled.contains("late"));
        assertThat(handled).containsExactlyInAnyOrder("newest", "late", "next");
    }

    @Test
    void crossedCommitsFromManyWritersAreEachHandledOnce() {
        Instant start = Instant.now();
        // each event stamped up to 2 s before the one committed before it
        for (int i = 0; i < 200; i++) {
            append("event-" + i, start.plusMillis(i * 10L - (i % 3) * 2000L));
        }

        await().until(() -> handled.size() >= 200);
        assertThat(handled).doesNotHaveDuplicates().hasSize(200);
    }

    @Test
    void aTokenReadBackFromTheTokenStoreIsTheSameToken() {
        var token = LookBackTrackingToken.first(Instant.now(), "a", LOOK_BACK)
                .advanceTo(Instant.now().plusMillis(5), "b");

        var readBack = JSON.deserialize(JSON.serialize(token, byte[].class));

        assertThat(readBack).isInstanceOf(LookBackTrackingToken.class).isEqualTo(token);
        assertThat(((TrackingToken) readBack).covers(token)).isTrue();
    }

    private void append(String name, Instant timestamp) {
        engine.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0,
                new Happened(name), MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp));
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
