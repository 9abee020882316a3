package dev.invitations.query.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.eventhandling.DomainEventMessage;

import java.time.Instant;

/** One event of a history (an invitation's, an org's settings'), as the contract shows it. */
public record HistoryEntry(String type, long sequence, Instant time, String actor, ObjectNode data) {

    /** {@code event} as its stream's history shows it: its number in the stream, and what {@link EventContent} shows. */
    public static HistoryEntry of(DomainEventMessage<?> event, ObjectMapper json) {
        var content = EventContent.of(event.getPayload(), json);
        return new HistoryEntry(content.type(), event.getSequenceNumber(), event.getTimestamp(), content.actor(),
                content.data());
    }
}
