package dev.invitations.query;

import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Wakes readers waiting for a view to change ({@code minVersion}, the feed's long poll) as soon as this process
 * wrote what they wait for: a key, such as an invitation's id or an org's id.
 * <p>
 * A reader {@linkplain #watch watches} its key before it reads, so a write between its read and its wait still wakes
 * it; and only the readers of a written key wake, so many waiting readers cost no reads while other keys are written.
 * Another instance may be the one writing, so waiters also look again after {@link #RECHECK}.
 */
public final class ChangeSignal {

    private static final Duration RECHECK = Duration.ofMillis(100);

    /** The keys someone watches, each with its count of changes; a key nobody watches is not kept. */
    private final ConcurrentHashMap<String, Changes> watched = new ConcurrentHashMap<>();

    /** Starts watching {@code key}: its changes from now on end the watch's waits. Close the watch when done. */
    public Watch watch(String key) {
        Changes changes = watched.compute(key, (k, existing) -> (existing == null ? new Changes() : existing).joined());
        return new Watch(key, changes);
    }

    public void changed(String key) {
        Changes changes = watched.get(key);
        if (changes != null) {
            changes.signal();
        }
    }

    public void changed(Collection<String> keys) {
        keys.forEach(this::changed);
    }

    /** Every key changed (a view was dropped). */
    public void changedAll() {
        watched.values().forEach(Changes::signal);
    }

    /** A reader's watch of one key. */
    public final class Watch implements AutoCloseable {

        private final String key;
        private final Changes changes;
        private long seen;

        private Watch(String key, Changes changes) {
            this.key = key;
            this.changes = changes;
            this.seen = changes.count();
        }

        /**
         * Returns at once if the key changed since the watch began or since this method last returned; else after a
         * change, after {@link #RECHECK}, or at {@code deadlineNanos} ({@link System#nanoTime}), whichever is first.
         * An interrupted wait returns with the thread's interrupt flag set.
         *
         * @return whether the key changed
         */
        public boolean awaitChange(long deadlineNanos) {
            long until = Math.min(deadlineNanos, System.nanoTime() + RECHECK.toNanos());
            long now = changes.awaitBeyond(seen, until);
            boolean changed = now != seen;
            seen = now;
            return changed;
        }

        @Override
        public void close() {
            watched.computeIfPresent(key, (k, existing) -> existing.left() ? null : existing);
        }
    }

    private static final class Changes {

        private long count;
        private int watchers;

        synchronized Changes joined() {
            watchers++;
            return this;
        }

        /** @return whether nobody watches any more */
        synchronized boolean left() {
            return --watchers == 0;
        }

        synchronized void signal() {
            count++;
            notifyAll();
        }

        synchronized long count() {
            return count;
        }

        /** Waits until the count is beyond {@code seen} or {@code untilNanos} passed; returns the count. */
        synchronized long awaitBeyond(long seen, long untilNanos) {
            try {
                for (long left = untilNanos - System.nanoTime(); count == seen && left > 0;
                     left = untilNanos - System.nanoTime()) {
                    wait(Math.max(1, left / 1_000_000));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return count;
        }
    }
}
