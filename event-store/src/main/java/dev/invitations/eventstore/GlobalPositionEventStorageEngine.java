package dev.invitations.eventstore;

import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoEventStorageEngine;

import java.time.Instant;
import java.util.Optional;

/**
 * axon-mongo's event storage engine with events numbered by {@link GlobalPositionStorageStrategy}: the stock engine
 * builds its head token and its token at a moment itself, as timestamps.
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
    public TrackingToken createHeadToken() {
        return storageStrategy.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return storageStrategy.createTokenAt(template.eventCollection(), dateTime);
    }
}
