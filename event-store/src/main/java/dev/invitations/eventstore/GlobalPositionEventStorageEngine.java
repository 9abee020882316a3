package dev.invitations.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;

import java.time.Instant;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * axon-mongo's event storage engine with events numbered by {@link GlobalPositionStorageStrategy}: the stock engine
 * builds its head token and its token at a moment itself, as timestamps.
 * <p>
 * A stream of tracked events ends at the first fetch that finds fewer events than a batch: the stock stream fetches
 * again until one finds none, a query that finds nothing after every batch, for every new event each process sees.
 * <p>
 * It keeps no snapshots: no aggregate here has a snapshot trigger (an invitation's stream is a handful of events),
 * and the stock engine would look for one in its own collection before every read of a stream.
 */
final class GlobalPositionEventStorageEngine extends MongoEventStorageEngine {

    private final MongoTemplate template;
    private final GlobalPositionStorageStrategy storageStrategy;

    /** {@code builder} with the template and strategy given here set; the rest as the caller set it. */
    GlobalPositionEventStorageEngine(Builder builder, MongoTemplate template,
                                     GlobalPositionStorageStrategy storageStrategy) {
        super(builder.mongoTemplate(template).storageStrategy(storageStrategy));
        this.template = template;
        this.storageStrategy = storageStrategy;
    }

    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        throw new UnsupportedOperationException("this event store keeps no snapshots");
    }

    @Override
    protected Stream<? extends TrackedEventData<?>> readEventData(TrackingToken trackingToken, boolean mayBlock) {
        return StreamSupport.stream(new UpToAShortBatch(trackingToken), false);
    }

    @Override
    public TrackingToken createHeadToken() {
        return storageStrategy.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storageStrategy.createTokenAt(template.eventCollection(), dateTime);
    }

    /** The events after a token, batch by batch, up to the first batch shorter than the batch size. */
    private final class UpToAShortBatch extends Spliterators.AbstractSpliterator<TrackedEventData<?>> {

        private TrackingToken lastToken;
        private Iterator<? extends TrackedEventData<?>> batch = Collections.emptyIterator();
        private boolean shortBatchFetched;

        UpToAShortBatch(TrackingToken lastToken) {
            super(Long.MAX_VALUE, Spliterator.NONNULL | Spliterator.ORDERED | Spliterator.DISTINCT);
            this.lastToken = lastToken;
        }

        @Override
        public boolean tryAdvance(Consumer<? super TrackedEventData<?>> action) {
            if (!batch.hasNext()) {
                if (shortBatchFetched) {
                    return false;
                }
                List<? extends TrackedEventData<?>> fetched = fetchTrackedEvents(lastToken, batchSize());
                shortBatchFetched = fetched.size() < batchSize();
                batch = fetched.iterator();
                if (!batch.hasNext()) {
                    return false;
                }
            }
            TrackedEventData<?> next = batch.next();
            lastToken = next.trackingToken();
            action.accept(next);
            return true;
        }
    }
}
