package dev.invitations.eventstore;

import org.axonframework.common.stream.BlockingStream;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.messaging.StreamableMessageSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The event store as the pooled processors read it, through streams that tell when events are available.
 * <p>
 * A pooled processor that finds no event waits for its stream's "available" callback, or, when the stream has none,
 * looks again 500 ms later; the embedded event store's streams have none, and that wait would be most of the time
 * from a create to its email (the saga) and to its view (the query side). Each stream here is checked every few
 * milliseconds, in memory (the event store's own producer reads the storage), and calls back when events are there.
 */
public final class AvailabilityWatchedEvents implements StreamableMessageSource<TrackedEventMessage<?>>, AutoCloseable {

    private final StreamableMessageSource<TrackedEventMessage<?>> events;
    private final long checkMillis;
    private final ScheduledExecutorService checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "event-availability");
        thread.setDaemon(true);
        return thread;
    });

    public AvailabilityWatchedEvents(StreamableMessageSource<TrackedEventMessage<?>> events, Duration checkInterval) {
        this.events = events;
        this.checkMillis = Math.max(1, checkInterval.toMillis());
    }

    @Override
    public BlockingStream<TrackedEventMessage<?>> openStream(TrackingToken trackingToken) {
        return new WatchedStream(events.openStream(trackingToken));
    }

    @Override
    public TrackingToken createTailToken() {
        return events.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return events.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(Instant dateTime) {
        return events.createTokenAt(dateTime);
    }

    @Override
    public void close() {
        checks.shutdownNow();
    }

    /** A stream used by its processor's thread and by the checks: one at a time, under a lock. */
    private final class WatchedStream implements BlockingStream<TrackedEventMessage<?>> {

        private final BlockingStream<TrackedEventMessage<?>> stream;
        private final ReentrantLock lock = new ReentrantLock();
        private ScheduledFuture<?> watch;

        WatchedStream(BlockingStream<TrackedEventMessage<?>> stream) {
            this.stream = stream;
        }

        @Override
        public boolean setOnAvailableCallback(Runnable callback) {
            lock.lock();
            try {
                if (watch != null) {
                    watch.cancel(false);
                }
                watch = checks.scheduleWithFixedDelay(() -> {
                    // skipped while the processor uses the stream: it is reading what is there anyway
                    if (lock.tryLock()) {
                        try {
                            if (stream.hasNextAvailable()) {
                                callback.run();
                            }
                        } finally {
                            lock.unlock();
                        }
                    }
                }, checkMillis, checkMillis, TimeUnit.MILLISECONDS);
                return true;
            } finally {
                lock.unlock();
            }
        }

        @Override
        public Optional<TrackedEventMessage<?>> peek() {
            return locked(stream::peek);
        }

        @Override
        public boolean hasNextAvailable(int timeout, TimeUnit unit) throws InterruptedException {
            return locked(() -> stream.hasNextAvailable(timeout, unit));
        }

        @Override
        public TrackedEventMessage<?> nextAvailable() throws InterruptedException {
            return locked(stream::nextAvailable);
        }

        @Override
        public void skipMessagesWithPayloadTypeOf(TrackedEventMessage<?> ignoredMessage) {
            locked(() -> {
                stream.skipMessagesWithPayloadTypeOf(ignoredMessage);
                return null;
            });
        }

        @Override
        public void close() {
            lock.lock();
            try {
                if (watch != null) {
                    watch.cancel(false);
                }
                stream.close();
            } finally {
                lock.unlock();
            }
        }

        private <T, E extends Exception> T locked(StreamCall<T, E> call) throws E {
            lock.lock();
            try {
                return call.run();
            } finally {
                lock.unlock();
            }
        }
    }

    @FunctionalInterface
    private interface StreamCall<T, E extends Exception> {
        T run() throws E;
    }
}
