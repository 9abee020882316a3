package dev.invitations.query.rebuild;

import java.time.Instant;

/**
 * Where the latest rebuild of the views stands.
 *
 * @param state          {@code NONE} before any rebuild, {@code RUNNING}, or {@code DONE} once the views have caught
 *                       up with every event stored when it started
 * @param replayedEvents events handled since it started
 * @param totalEvents    events in the store when it started
 */
public record RebuildProgress(State state, long replayedEvents, long totalEvents, Instant startTime,
                              Instant endTime, Double eventsPerSecond) {

    public enum State { NONE, RUNNING, DONE }
}
