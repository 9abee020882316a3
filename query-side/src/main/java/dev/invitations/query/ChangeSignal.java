package dev.invitations.query;

import java.time.Duration;

/**
 * Wakes readers waiting for a view to change ({@code minVersion}, the feed's long poll) as soon as this process
 * wrote to it. Another instance may be the one writing, so waiters also look again after {@link #RECHECK}.
 */
public final class ChangeSignal {

    private static final Duration RECHECK = Duration.ofMillis(100);

    private long changes;

    public synchronized void changed() {
        changes++;
        notifyAll();
    }

    /**
     * Returns after a change, after {@link #RECHECK}, or at {@code deadlineNanos} ({@link System#nanoTime}).
     *
     * @return false when the thread was interrupted: the caller should stop waiting
     */
    public synchronized boolean awaitChange(long deadlineNanos) {
        long seen = changes;
        long until = Math.min(deadlineNanos, System.nanoTime() + RECHECK.toNanos());
        try {
            for (long left = until - System.nanoTime(); changes == seen && left > 0; left = until - System.nanoTime()) {
                wait(Math.max(1, left / 1_000_000));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
