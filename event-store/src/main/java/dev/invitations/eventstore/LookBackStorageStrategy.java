package dev.invitations.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Sorts;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.bson.Document;
import org.bson.conversions.Bson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.nin;
import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * One document per event, as axon-mongo stores them, tracked with {@link LookBackTrackingToken}s.
 * <p>
 * A fetch asks for the next batch only ({@code limit}): the stock fetch let the server gather and sort every event
 * from the look-back window to the end of the store, for each batch of a replay.
 */
final class LookBackStorageStrategy extends DocumentPerEventStorageStrategy {

    private final Duration lookBack;

    LookBackStorageStrategy(Duration lookBack) {
        super(EventEntryConfiguration.getDefault(), lookBack);
        this.lookBack = lookBack;
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(MongoCollection<Document> eventCollection,
                                                                 TrackingToken lastToken, int batchSize) {
        LookBackTrackingToken token = lastToken == null ? null
                : LookBackTrackingToken.of((MongoTrackingToken) lastToken, lookBack);
        Bson unseen = token == null ? new Document() : and(
                gte(eventConfiguration().timestampProperty(), formatInstant(token.getTimestamp().minus(lookBack))),
                nin(eventConfiguration().eventIdentifierProperty(), token.getKnownEventIds()));
        List<TrackedEventData<?>> batch = new ArrayList<>(batchSize);
        for (Document document : eventCollection.find(unseen)
                .sort(Sorts.ascending(eventConfiguration().timestampProperty(),
                        eventConfiguration().sequenceNumberProperty()))
                .limit(batchSize)) {
            DomainEventData<?> event = extractEvents(document).findFirst().orElseThrow();
            token = token == null
                    ? LookBackTrackingToken.first(event.getTimestamp(), event.getEventIdentifier(), lookBack)
                    : token.advanceTo(event.getTimestamp(), event.getEventIdentifier());
            batch.add(new TrackedDomainEventData<>(token, event));
        }
        return batch;
    }
}
