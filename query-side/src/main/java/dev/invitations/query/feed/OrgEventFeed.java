package dev.invitations.query.feed;

import dev.invitations.query.QueryProperties;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads an org's feed after a cursor, waiting for events when asked to (long polling), or all of it at once for an
 * export, a page at a time.
 */
@Service
public class OrgEventFeed {

    /** The cursor before an org's first event. */
    public static final String START = "0";
    /**
     * The processing group that numbers the feed. Its one segment handles every event in the store's order, so a
     * handler of another event in this group sees the feed exactly as it is at that event.
     */
    public static final String NUMBERING_GROUP = FeedProjection.PROCESSING_GROUP;

    private final FeedEntries feed;
    private final int exportPageSize;

    OrgEventFeed(FeedEntries feed, QueryProperties properties) {
        this.feed = feed;
        this.exportPageSize = properties.exportPageSize();
    }

    /** Where an export writes its events, one at a time, and learns that a page is done (to flush it). */
    public interface ExportSink {

        void event(CloudEvent event) throws IOException;

        void pageDone() throws IOException;
    }

    /**
     * Every event of the org after {@code after}, in feed order, handed to {@code sink} one by one: read a page of
     * {@code invitations.query.export-page-size} at a time (each page a query after the last position written), so
     * that only one page is ever held, however long the feed. Events stored while it runs are included up to the
     * page that finds no more.
     *
     * @param after a cursor of {@link #isCursor}, {@link #START} for the beginning
     */
    public void export(String orgId, String after, ExportSink sink) throws IOException {
        long position = Long.parseLong(after);
        List<FeedEntry> page;
        do {
            page = feed.after(orgId, position, exportPageSize);
            for (FeedEntry entry : page) {
                sink.event(CloudEvent.of(entry));
                position = entry.position();
            }
            sink.pageDone();
        } while (page.size() == exportPageSize);
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

    /**
     * Calls {@code listener} with the orgs whose feed this instance added to, once the entries are stored (only the
     * instance holding the feed's processor adds to it); the listener must not block.
     */
    public void onAppended(Consumer<Set<String>> listener) {
        feed.onAppended(listener);
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
        List<FeedEntry> entries;
        try (var watch = feed.changes().watch(orgId)) {
            entries = feed.after(orgId, position, limit);
            while (entries.isEmpty() && System.nanoTime() < deadline && !Thread.currentThread().isInterrupted()) {
                watch.awaitChange(deadline);
                entries = feed.after(orgId, position, limit);
            }
        }
        String next = entries.isEmpty() ? after : Long.toString(entries.get(entries.size() - 1).position());
        return new FeedPage(entries.stream().map(CloudEvent::of).toList(), next);
    }
}
