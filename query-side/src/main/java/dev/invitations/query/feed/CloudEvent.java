package dev.invitations.query.feed;

import java.time.Instant;
import java.util.Map;

/**
 * An event as CloudEvents 1.0 JSON.
 *
 * @param sequence an extension attribute: the invitation's version after this event
 */
public record CloudEvent(String specversion, String id, String source, String type, String subject, Instant time,
                         String datacontenttype, Map<String, Object> data, long sequence) {

    static CloudEvent of(FeedEntry entry) {
        return new CloudEvent("1.0", entry.eventId(), "urn:invitations:org:" + entry.orgId(),
                "invitations.v1." + entry.type(), "orgs/" + entry.orgId() + "/invitations/" + entry.invitationId(),
                entry.time(), "application/json", entry.data(), entry.sequence());
    }
}
