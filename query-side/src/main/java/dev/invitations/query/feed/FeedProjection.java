package dev.invitations.query.feed;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.query.invitation.EventContent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.serialization.UnknownSerializedType;
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

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        if (payload instanceof UnknownSerializedType) {
            return; // a type added by a newer command side: this version cannot tell what it says
        }
        var content = EventContent.of(payload, json);
        String orgId = content.data().path("orgId").asText();
        FeedBatch.current(feed).add(new FeedEntry(event.getIdentifier(), orgId, 0, event.getAggregateIdentifier(),
                event.getSequenceNumber(), content.type(), event.getTimestamp(),
                json.convertValue(content.data(), FIELDS)));
    }
}
