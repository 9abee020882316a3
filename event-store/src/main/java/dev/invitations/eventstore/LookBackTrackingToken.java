package dev.invitations.eventstore;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.axonframework.common.Assert;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.extensions.mongo.eventsourcing.eventstore.MongoTrackingToken;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * axon-mongo's tracking token (the newest timestamp seen, and the ids of the events seen within the look-back window
 * behind it), with a {@link #covers} that does not skip events committed late.
 * <p>
 * A pooled streaming processor drops every event whose token its last token covers. The stock token "covers" any
 * unknown event older than the oldest event it knows: after a quiet spell it knows only the newest event, so an
 * event stamped a few milliseconds before it but committed after it (two writers, or a write delayed by a restart of
 * the storage) was dropped, though its fetch had found it inside the look-back window. Here an unknown event counts
 * as covered only when it lies behind the window, where no fetch from this token could return it anyway.
 */
public final class LookBackTrackingToken extends MongoTrackingToken {

    private final long lookBackMillis;

    private LookBackTrackingToken(long timestamp, Map<String, Long> trackedEvents, long lookBackMillis) {
        super(timestamp, trackedEvents);
        this.lookBackMillis = lookBackMillis;
    }

    @JsonCreator
    static LookBackTrackingToken of(@JsonProperty("timestamp") Instant timestamp,
                                    @JsonProperty("trackedEvents") Map<String, Long> trackedEvents,
                                    @JsonProperty("lookBackMillis") long lookBackMillis) {
        return new LookBackTrackingToken(timestamp.toEpochMilli(), new LinkedHashMap<>(trackedEvents), lookBackMillis);
    }

    /** The given token (a stock one, or one of these with another window) with this window. */
    static LookBackTrackingToken of(MongoTrackingToken token, Duration lookBack) {
        if (token instanceof LookBackTrackingToken own && own.lookBackMillis == lookBack.toMillis()) {
            return own;
        }
        return of(token.getTimestamp(), token.getTrackedEvents(), lookBack.toMillis());
    }

    /** The token of the first event a processor sees. */
    static LookBackTrackingToken first(Instant timestamp, String eventIdentifier, Duration lookBack) {
        return of(timestamp, Map.of(eventIdentifier, timestamp.toEpochMilli()), lookBack.toMillis());
    }

    @JsonProperty
    public long getLookBackMillis() {
        return lookBackMillis;
    }

    /** Advances past the given event, within this token's own window. */
    LookBackTrackingToken advanceTo(Instant timestamp, String eventIdentifier) {
        return withThisWindow(super.advanceTo(timestamp, eventIdentifier, Duration.ofMillis(lookBackMillis)));
    }

    @Override
    public boolean covers(TrackingToken other) {
        Assert.isTrue(other instanceof MongoTrackingToken, () -> "Incompatible token type provided.");
        MongoTrackingToken otherToken = (MongoTrackingToken) other;
        long timestamp = getTimestamp().toEpochMilli();
        long windowStart = timestamp - lookBackMillis;
        Map<String, Long> known = getTrackedEvents();
        return otherToken.getTimestamp().toEpochMilli() <= timestamp
                && otherToken.getTrackedEvents().entrySet().stream()
                .allMatch(event -> known.containsKey(event.getKey()) || event.getValue() < windowStart);
    }

    @Override
    public TrackingToken lowerBound(TrackingToken other) {
        return withThisWindow((MongoTrackingToken) super.lowerBound(other));
    }

    @Override
    public TrackingToken upperBound(TrackingToken other) {
        return withThisWindow((MongoTrackingToken) super.upperBound(other));
    }

    /**
     * A token the stock one just built, with this window. Its map is new and never changed, so it is taken as it is:
     * these run for every event a processor sees (a replay token calls the bounds too), on maps of a window's ids.
     */
    private LookBackTrackingToken withThisWindow(MongoTrackingToken built) {
        return new LookBackTrackingToken(built.getTimestamp().toEpochMilli(), built.getTrackedEvents(), lookBackMillis);
    }

    @Override
    public boolean equals(Object other) {
        return super.equals(other) && lookBackMillis == ((LookBackTrackingToken) other).lookBackMillis;
    }

    @Override
    public int hashCode() {
        return Objects.hash(super.hashCode(), lookBackMillis);
    }

    @Override
    public String toString() {
        return "LookBackTrackingToken{timestamp=" + getTimestamp() + ", lookBackMillis=" + lookBackMillis
                + ", trackedEvents=" + getTrackedEvents() + '}';
    }
}
