package dev.invitations.query.feed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.api.invitation.PersonalDataErased;
import dev.invitations.query.invitation.EventContent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Numbers every event into its org's feed. Its processing group runs one segment, so one thread sees all events
 * in one order; it is never reset by a rebuild, since readers keep positions of it.
 */
@Component
@ProcessingGroup(FeedProjection.PROCESSING_GROUP)
class FeedProjection {

    static final String PROCESSING_GROUP = "invitation-feed";
    private static final TypeReference<Map<String, Object>> FIELDS = new TypeReference<>() {
    };

    private final FeedEntries feed;
    private final ObjectMapper json;

    FeedProjection(FeedEntries feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    /**
     * An event of a type added by a newer command side reads as an {@code UnknownSerializedType} and reaches no
     * handler here: this version cannot tell what it says.
     */
    @EventHandler
    void on(InvitationEvent payload, DomainEventMessage<?> event) {
        var content = EventContent.of(payload, json);
        var batch = FeedBatch.current(feed);
        if (payload instanceof PersonalDataErased) {
            batch.erasePersonalDataOf(payload.invitationId());
        }
        batch.add(new FeedEntry(event.getIdentifier(), payload.orgId(), 0,
                event.getAggregateIdentifier(), event.getSequenceNumber(), content.type(), event.getTimestamp(),
                json.convertValue(content.data(), FIELDS)));
    }
}
