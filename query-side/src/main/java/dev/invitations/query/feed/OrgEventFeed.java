package dev.invitations.query.feed;

import org.springframework.stereotype.Service;

import java.time.Duration;
import java.util.List;

/** Reads an org's feed after a cursor, waiting for events when asked to (long polling). */
@Service
public class OrgEventFeed {

    /** The cursor before an org's first event. */
    public static final String START = "0";

    private final FeedEntries feed;

    OrgEventFeed(FeedEntries feed) {
        this.feed = feed;
    }

    /** An event of the feed and its position, the cursor that resumes after it. */
    public record PositionedEvent(long position, CloudEvent event) {
    }

    /** Up to {@code limit} events of the org after {@code position}, in order, without waiting. */
    public List<PositionedEvent> after(String orgId, long position, int limit) {
        return feed.after(orgId, position, limit).stream()
                .map(entry -> new PositionedEvent(entry.position(), CloudEvent.of(entry))).toList();
    }

    /** The position of the org's last event so far: {@code 0} before its first. */
    public long lastPosition(String orgId) {
        return feed.lastPosition(orgId);
    }

    /** Whether {@code cursor} is one {@link #read} hands out. */
    public static boolean isCursor(String cursor) {
        return cursor.matches("\\d{1,18}");
    }

    /**
     * Up to {@code limit} events after {@code after}; when there are none yet, waits up to {@code wait} for some.
     *
     * @param after a cursor of {@link #isCursor}, {@link #START} for the beginning
     */
    public FeedPage read(String orgId, String after, int limit, Duration wait) {
        long position = Long.parseLong(after);
        long deadline = System.nanoTime() + wait.toNanos();
        List<FeedEntry> entries = feed.after(orgId, position, limit);
        while (entries.isEmpty() && System.nanoTime() < deadline && feed.changes().awaitChange(deadline)) {
            entries = feed.after(orgId, position, limit);
        }
        String next = entries.isEmpty() ? after : Long.toString(entries.get(entries.size() - 1).position());
        return new FeedPage(entries.stream().map(CloudEvent::of).toList(), next);
    }
}
