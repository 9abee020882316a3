package dev.invitations.eventstore;

import com.mongodb.client.FindIterable;
import com.mongodb.client.MongoCollection;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

import static com.mongodb.client.model.Filters.lte;
import static com.mongodb.client.model.Projections.include;
import static com.mongodb.client.model.Sorts.ascending;
import static com.mongodb.client.model.Sorts.descending;
import static dev.invitations.eventstore.GlobalPositionStorageStrategy.POSITION;
import static org.axonframework.common.DateTimeUtils.parseInstant;

/**
 * How far each streaming processor is behind the newest stored event, counted from this instance's furthest-behind
 * segment of it: {@code invitations.event.processor.lag.positions{processor}} in event-store positions (the
 * {@link GlobalPositionStorageStrategy#POSITION global positions} its tracking tokens carry), and
 * {@code invitations.event.processor.lag.seconds{processor}} in time, the newest event's timestamp minus that of the
 * event at the processor's position. Both are 0 once the processor has reached the newest event, and NaN while this
 * instance holds none of its segments (another instance processes them).
 * <p>
 * Every gauge compares with the newest event, so it is read once per scrape, not once per gauge: a read serves the
 * gauges for {@link #SCRAPE}, which is longer than a scrape reading all of them takes and shorter than the time
 * between scrapes.
 */
final class ProcessorLagGauges {

    /** How long one read of the newest event serves the gauges. */
    static final Duration SCRAPE = Duration.ofSeconds(1);

    private static final String TIMESTAMP = EventEntryConfiguration.getDefault().timestampProperty();
    private static final Bson POSITION_AND_TIMESTAMP = include(POSITION, TIMESTAMP);

    private final MongoCollection<Document> events;
    private final Clock clock;
    private final MeterRegistry meters;
    /** The last read of the newest event; guarded by {@code this}. */
    private NewestRead newestRead;

    /**
     * @param events the event store's collection of events, as {@link GlobalPositionStorageStrategy} lays it out
     * @param clock  what tells when a read of the newest event is too old to serve another gauge
     */
    ProcessorLagGauges(MongoCollection<Document> events, Clock clock, MeterRegistry meters) {
        this.events = events;
        this.clock = clock;
        this.meters = meters;
    }

    /** Registers both gauges of the processor called {@code name}. */
    void register(String name, StreamingEventProcessor processor) {
        Gauge.builder("invitations.event.processor.lag.positions", processor, this::positionsBehind)
                .description("event-store positions between the newest event and this instance's furthest-behind"
                        + " segment of the processor")
                .tag("processor", name)
                .register(meters);
        Gauge.builder("invitations.event.processor.lag.seconds", processor, this::secondsBehind)
                .description("time between the newest event and the event at this instance's furthest-behind"
                        + " segment of the processor")
                .baseUnit("seconds")
                .tag("processor", name)
                .register(meters);
    }

    private double positionsBehind(StreamingEventProcessor processor) {
        OptionalLong reached = furthestBehind(processor);
        if (reached.isEmpty()) {
            return Double.NaN;
        }
        return newest().map(newest -> Math.max(newest.position() - reached.getAsLong(), 0)).orElse(0L);
    }

    private double secondsBehind(StreamingEventProcessor processor) {
        OptionalLong reached = furthestBehind(processor);
        if (reached.isEmpty()) {
            return Double.NaN;
        }
        Optional<StoredEvent> newest = newest();
        if (newest.isEmpty() || reached.getAsLong() >= newest.get().position()) {
            return 0;
        }
        Duration behind = Duration.between(timestampAt(reached.getAsLong()), newest.get().timestamp());
        return Math.max(behind.toMillis(), 0) / 1000.0;
    }

    /**
     * The lowest position this instance's segments of the processor have reached (0 for one that has handled
     * nothing: positions start at 1); empty while it holds none.
     */
    private static OptionalLong furthestBehind(StreamingEventProcessor processor) {
        return processor.processingStatus().values().stream()
                .map(EventTrackerStatus::getCurrentPosition)
                .mapToLong(position -> position.orElse(0))
                .min();
    }

    /** The newest stored event, read again once the last read is older than {@link #SCRAPE} or the clock went back. */
    private synchronized Optional<StoredEvent> newest() {
        Instant now = clock.instant();
        if (newestRead == null || now.isBefore(newestRead.at()) || !now.isBefore(newestRead.at().plus(SCRAPE))) {
            newestRead = new NewestRead(now, first(events.find(), descending(POSITION)).map(StoredEvent::of));
        }
        return newestRead.newest();
    }

    /**
     * The timestamp of the event at {@code position}; where none is stored there, of the closest one before it, and
     * before the first event, of the first (the processor has handled nothing of what is stored). Asked only while
     * a newer event is stored, so there is one.
     */
    private Instant timestampAt(long position) {
        return first(events.find(lte(POSITION, position)), descending(POSITION))
                .or(() -> first(events.find(), ascending(POSITION)))
                .map(StoredEvent::of)
                .orElseThrow()
                .timestamp();
    }

    private static Optional<Document> first(FindIterable<Document> found, Bson order) {
        return Optional.ofNullable(found.sort(order).projection(POSITION_AND_TIMESTAMP).limit(1).first());
    }

    private record StoredEvent(long position, Instant timestamp) {

        static StoredEvent of(Document document) {
            return new StoredEvent(document.getLong(POSITION), parseInstant(document.getString(TIMESTAMP)));
        }
    }

    private record NewestRead(Instant at, Optional<StoredEvent> newest) {
    }
}
