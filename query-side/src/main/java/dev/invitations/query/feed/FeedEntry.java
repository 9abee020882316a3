package dev.invitations.query.feed;

import org.springframework.data.annotation.Id;

import java.time.Instant;
import java.util.Map;

/**
 * One event in its org's feed.
 *
 * @param position its place in the org's feed: increasing in the order the feed projection saw the events, so a
 *                 reader that resumes after a position it has seen misses nothing and sees nothing twice
 * @param data     the event's fields without secrets, as the feed shows them
 */
record FeedEntry(@Id String eventId, String orgId, long position, String invitationId, long sequence, String type,
                 Instant time, Map<String, Object> data) {

    FeedEntry at(long newPosition) {
        return new FeedEntry(eventId, orgId, newPosition, invitationId, sequence, type, time, data);
    }
}
