package dev.invitations.eventstore;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.TrackedDomainEventData;
import org.axonframework.eventhandling.TrackedEventData;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.DocumentPerEventStorageStrategy;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.documentperevent.EventEntryConfiguration;
import org.axonframework.serialization.Serializer;
import org.bson.Document;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.gt;
import static com.mongodb.client.model.Filters.gte;
import static com.mongodb.client.model.Filters.in;
import static com.mongodb.client.model.Sorts.ascending;
import static org.axonframework.common.DateTimeUtils.formatInstant;

/**
 * One document per event, as axon-mongo stores them, each numbered with a global position; tracked with Axon's
 * {@link GapAwareTrackingToken}s (the highest position seen, and the lower ones not seen yet).
 * <p>
 * A writer takes its positions from a counter before it inserts, so commits can land out of order: a reader that
 * sees position 11 before 10 keeps 10 as a gap and asks for it again on each fetch until it arrives, or until it
 * lies {@code maxGapOffset} positions behind (its writer failed). A fetch reads only the gaps and the next positions.
 * axon-mongo's stock token, a timestamp and every event id of a look-back window, makes each fetch re-read the window
 * and each stored token carry a thousand ids under load, and has to guess how late a commit can be.
 */
final class GlobalPositionStorageStrategy extends DocumentPerEventStorageStrategy {

    static final String POSITION = "globalIndex";
    private static final String COUNTER_ID = "events";
    private static final String LAST_TAKEN = "last";
    /** Before the first position: the tail of the stream. */
    private static final GapAwareTrackingToken BEFORE_FIRST = GapAwareTrackingToken.newInstance(0, List.of());

    private final MongoCollection<Document> positions;
    private final int maxGapOffset;
    private final List<FetchedEventsListener> listeners;

    /**
     * @param positions    where the counter of positions handed out lives
     * @param maxGapOffset how many positions behind the newest one seen a missing one is still waited for
     * @param listeners    told of each batch a processor's stream fetched
     */
    GlobalPositionStorageStrategy(MongoCollection<Document> positions, int maxGapOffset,
                                  List<FetchedEventsListener> listeners) {
        super(EventEntryConfiguration.getDefault(), null);
        this.positions = positions;
        this.maxGapOffset = maxGapOffset;
        this.listeners = List.copyOf(listeners);
    }

    @Override
    public void appendEvents(MongoCollection<Document> eventCollection, List<? extends EventMessage<?>> events,
                             Serializer serializer) {
        List<Document> documents = createEventDocuments(events, serializer).toList();
        long position = takePositions(documents.size());
        for (Document document : documents) {
            document.append(POSITION, ++position);
        }
        eventCollection.insertMany(documents);
    }

    @Override
    public List<? extends TrackedEventData<?>> findTrackedEvents(MongoCollection<Document> eventCollection,
                                                                 TrackingToken lastToken, int batchSize) {
        GapAwareTrackingToken token = lastToken == null ? BEFORE_FIRST : asPositionToken(lastToken);
        List<Document> documents = new ArrayList<>(batchSize);
        if (token.hasGaps()) {
            eventCollection.find(in(POSITION, token.getGaps())).sort(ascending(POSITION)).into(documents);
        }
        if (documents.size() < batchSize) {
            eventCollection.find(gt(POSITION, token.getIndex())).sort(ascending(POSITION))
                    .limit(batchSize - documents.size()).into(documents);
        }
        List<TrackedEventData<?>> batch = new ArrayList<>(documents.size());
        for (Document document : documents) {
            DomainEventData<?> event = extractEvents(document).findFirst().orElseThrow();
            token = token.advanceTo(document.getLong(POSITION), maxGapOffset);
            batch.add(new TrackedDomainEventData<>(token, event));
        }
        if (!batch.isEmpty()) {
            listeners.forEach(listener -> listener.beforeDeserializing(batch));
        }
        return batch;
    }

    @Override
    public TrackingToken createTailToken(MongoCollection<Document> eventsCollection) {
        return BEFORE_FIRST;
    }

    /** After the last position handed out: a reader from here sees only what is written from now on. */
    TrackingToken createHeadToken() {
        Document counter = positions.find(eq("_id", COUNTER_ID)).first();
        return GapAwareTrackingToken.newInstance(counter.getLong(LAST_TAKEN), Collections.emptySet());
    }

    /** Before the first event stamped at or after {@code dateTime}; the head if there is none. */
    TrackingToken createTokenAt(MongoCollection<Document> eventsCollection, Instant dateTime) {
        Document first = eventsCollection.find(gte(eventConfiguration().timestampProperty(), formatInstant(dateTime)))
                .sort(ascending(eventConfiguration().timestampProperty(), eventConfiguration().sequenceNumberProperty()))
                .first();
        return first == null ? createHeadToken()
                : GapAwareTrackingToken.newInstance(first.getLong(POSITION) - 1, Collections.emptySet());
    }

    @Override
    public void ensureIndexes(MongoCollection<Document> eventsCollection,
                              MongoCollection<Document> snapshotsCollection) {
        super.ensureIndexes(eventsCollection, snapshotsCollection);
        eventsCollection.createIndex(Indexes.ascending(POSITION), new IndexOptions().unique(true).name("globalIndex"));
        if (positions.find(eq("_id", COUNTER_ID)).first() != null) {
            return;
        }
        if (eventsCollection.find().first() != null) {
            throw new IllegalStateException("The event store holds events without a global position, written by an "
                    + "earlier version of this service, which this version cannot track: start it on a fresh "
                    + "database (for run-local.sh, a fresh INVITATIONS_DATA_DIR)");
        }
        try {
            positions.insertOne(new Document("_id", COUNTER_ID).append(LAST_TAKEN, 0L));
        } catch (MongoWriteException e) {
            // another instance starting at the same moment created it
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
    }

    /** Takes {@code count} positions; answers the last position taken before them. */
    private long takePositions(int count) {
        Document counter = positions.findOneAndUpdate(eq("_id", COUNTER_ID), Updates.inc(LAST_TAKEN, (long) count),
                new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        return counter.getLong(LAST_TAKEN) - count;
    }

    private static GapAwareTrackingToken asPositionToken(TrackingToken token) {
        if (token instanceof GapAwareTrackingToken positionToken) {
            return positionToken;
        }
        throw new IllegalArgumentException("Not a token of this event store: " + token);
    }
}
