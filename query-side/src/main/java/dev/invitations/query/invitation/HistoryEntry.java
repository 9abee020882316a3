package dev.invitations.query.invitation;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Instant;

/** One event of an invitation's history, as the contract shows it. */
public record HistoryEntry(String type, long sequence, Instant time, String actor, ObjectNode data) {
}
