package dev.invitations.eventstore;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import dev.invitations.testing.MongoForTests;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventhandling.SimpleEventHandlerInvoker;
import org.axonframework.eventhandling.pooled.PooledStreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.inmemory.InMemoryTokenStore;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.extensions.mongo.DefaultMongoTemplate;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The lag gauges of a pooled processor on the event store, held up on an event: its lag in positions and in the time
 * between the events' timestamps, read from the newest event once per scrape.
 */
class ProcessorLagGaugesTest {

    private static final Serializer JSON = JacksonSerializer.defaultSerializer();
    private static final String PROCESSOR = "lagging";
    private static final Instant FIRST_WRITTEN = Instant.parse("2025-03-01T09:00:00Z");

    private final List<String> handled = new CopyOnWriteArrayList<>();
    /** Holds the handler up on the event called "held". */
    private final CountDownLatch release = new CountDownLatch(1);
    private final MovableClock clock = new MovableClock(Instant.parse("2025-06-01T12:00:00Z"));
    private final PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MongoClient client = MongoClients.create(MongoForTests.connectionString());
    private final MongoDatabase database = client.getDatabase("processor-lag-" + UUID.randomUUID());
    private final MongoTemplate template = DefaultMongoTemplate.builder().mongoDatabase(database).build();
    private MongoEventStorageEngine engine;
    private PooledStreamingEventProcessor processor;

    @BeforeEach
    void registerGauges() {
        var positions = database.getCollection(MongoEventStoreConfiguration.POSITIONS_COLLECTION);
        engine = new GlobalPositionEventStorageEngine(
                MongoEventStorageEngine.builder().eventSerializer(JSON).snapshotSerializer(JSON), template,
                new GlobalPositionStorageStrategy(positions, 10_000, List.of()));
        processor = PooledStreamingEventProcessor.builder()
                .name(PROCESSOR)
                .eventHandlerInvoker(SimpleEventHandlerInvoker.builder()
                        .eventHandlers(new Recorder(handled, release)).build())
                .messageSource(EmbeddedEventStore.builder().storageEngine(engine).build())
                .tokenStore(new InMemoryTokenStore())
                .transactionManager(NoTransactionManager.instance())
                .coordinatorExecutor(Executors.newSingleThreadScheduledExecutor())
                .workerExecutor(Executors.newSingleThreadScheduledExecutor())
                .initialSegmentCount(1)
                .build();
        new ProcessorLagGauges(template.eventCollection(), clock, meters).register(PROCESSOR, processor);
    }

    @AfterEach
    void stop() {
        release.countDown();
        processor.shutDown();
        client.close();
    }

    @Test
    void aProcessorHeldUpOnAnEventLagsByTheTimeBetweenItsPositionAndTheNewestEvent() {
        assertThat(nextScrape().positions()).as("no segment of the processor held yet").isNaN();
        processor.start();
        append("first", FIRST_WRITTEN);
        await().until(() -> nextScrape().equals(new Lag(0, 0)));

        append("held", FIRST_WRITTEN.plusSeconds(30));
        append("third", FIRST_WRITTEN.plusSeconds(90));
        await().until(() -> handled.contains("held"));

        await().untilAsserted(() -> assertThat(nextScrape()).isEqualTo(new Lag(2, 90)));
        assertThat(meters.scrape())
                .contains("invitations_event_processor_lag_seconds{processor=\"lagging\"} 90.0")
                .contains("invitations_event_processor_lag_positions{processor=\"lagging\"} 2.0");

        release.countDown();
        await().until(() -> nextScrape().equals(new Lag(0, 0)));
    }

    @Test
    void oneReadOfTheNewestEventServesTheGaugesForAScrape() {
        processor.start();
        append("first", FIRST_WRITTEN);
        append("held", FIRST_WRITTEN.plusSeconds(30));
        await().untilAsserted(() -> assertThat(nextScrape()).isEqualTo(new Lag(1, 30)));

        append("newer", FIRST_WRITTEN.plusSeconds(45));

        clock.advance(ProcessorLagGauges.SCRAPE.minusMillis(1));
        assertThat(lag()).as("within the scrape").isEqualTo(new Lag(1, 30));
        clock.advance(Duration.ofMillis(1));
        assertThat(lag()).as("the next scrape").isEqualTo(new Lag(2, 45));
    }

    private record Lag(double positions, double seconds) {
    }

    /** The gauges as a scrape after the current one reads them. */
    private Lag nextScrape() {
        clock.advance(ProcessorLagGauges.SCRAPE);
        return lag();
    }

    private Lag lag() {
        return new Lag(gauge("invitations.event.processor.lag.positions"),
                gauge("invitations.event.processor.lag.seconds"));
    }

    private double gauge(String name) {
        return meters.get(name).tag("processor", PROCESSOR).gauge().value();
    }

    private void append(String name, Instant timestamp) {
        engine.appendEvents(new GenericDomainEventMessage<>("Test", UUID.randomUUID().toString(), 0,
                new Happened(name), MetaData.emptyInstance(), UUID.randomUUID().toString(), timestamp));
    }

    record Happened(String name) {
    }

    static final class Recorder {

        private final List<String> handled;
        private final CountDownLatch release;

        Recorder(List<String> handled, CountDownLatch release) {
            this.handled = handled;
            this.release = release;
        }

        @EventHandler
        void on(Happened event) throws InterruptedException {
            handled.add(event.name());
            if (event.name().equals("held")) {
                release.await();
            }
        }
    }

    /** A clock the test moves, so that the gauges see scrapes pass without the test waiting for them. */
    private static final class MovableClock extends Clock {

        private volatile Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the gauges read instants only");
        }
    }
}
