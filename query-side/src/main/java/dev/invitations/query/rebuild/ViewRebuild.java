package dev.invitations.query.rebuild;

import dev.invitations.query.invitation.InvitationViewProjection;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.extensions.mongo.MongoTemplate;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Rebuilds the views (invitations, org settings) from the event store: stops their processor, resets its token (which
 * drops the views: each projection of its processing group drops its own), and starts it again, so it replays every
 * event. The feed is left alone: its readers hold positions
 * in it, and it already holds every event.
 * <p>
 * With several query-side instances, the processor's segments must be released by all of them: rebuild with one
 * instance running.
 */
@Service
public class ViewRebuild {

    private final EventProcessingConfiguration processing;
    private final InvitationViewProjection projection;
    private final MongoTemplate eventStorage;
    private final EventStore eventStore;
    private final Clock clock;
    private Instant startTime;
    private Instant endTime;
    private long totalEvents;
    /** The position of the last event stored when the rebuild started. */
    private long lastPositionAtStart;

    ViewRebuild(EventProcessingConfiguration processing, InvitationViewProjection projection,
                MongoTemplate eventStorage, EventStore eventStore, Clock clock) {
        this.clock = clock;
        this.processing = processing;
        this.projection = projection;
        this.eventStorage = eventStorage;
        this.eventStore = eventStore;
    }

    /** Starts a rebuild, unless one is running: then it answers that one's progress. */
    public synchronized RebuildProgress start() {
        if (progress().state() == RebuildProgress.State.RUNNING) {
            return progress();
        }
        StreamingEventProcessor processor = processor();
        processor.shutdownAsync().join();
        totalEvents = eventStorage.eventCollection().countDocuments();
        lastPositionAtStart = eventStore.createHeadToken().position().orElse(0);
        processor.resetTokens();
        startTime = clock.instant();
        endTime = null;
        processor.start();
        return progress();
    }

    public synchronized RebuildProgress progress() {
        if (startTime == null) {
            return new RebuildProgress(RebuildProgress.State.NONE, 0, 0, null, null, null);
        }
        long replayed = projection.handledEvents();
        if (endTime == null && passedStartPosition(processor().processingStatus())) {
            endTime = clock.instant();
        }
        Instant until = endTime != null ? endTime : clock.instant();
        double seconds = Math.max(Duration.between(startTime, until).toMillis(), 1) / 1000.0;
        return new RebuildProgress(endTime != null ? RebuildProgress.State.DONE : RebuildProgress.State.RUNNING,
                replayed, totalEvents, startTime, endTime, replayed / seconds);
    }

    /**
     * Every segment claimed and past the last event stored at the start. Not "caught up with the stream": while
     * events keep coming (a backlog of emails being sent, say) that can take long after every stored one was replayed.
     */
    private boolean passedStartPosition(Map<Integer, EventTrackerStatus> segments) {
        return !segments.isEmpty() && segments.values().stream().allMatch(segment -> !segment.isErrorState()
                && segment.getCurrentPosition().orElse(-1) >= lastPositionAtStart);
    }

    private StreamingEventProcessor processor() {
        return processing.eventProcessor(InvitationViewProjection.PROCESSING_GROUP, StreamingEventProcessor.class)
                .orElseThrow(() -> new IllegalStateException("no processor for the invitation views"));
    }
}
