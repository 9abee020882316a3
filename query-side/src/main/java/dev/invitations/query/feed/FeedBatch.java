package dev.invitations.query.feed;

import dev.invitations.query.BatchWrites;

import java.util.ArrayList;
import java.util.List;

/** The feed entries of one batch of events, appended together before the batch commits (see {@link BatchWrites}). */
final class FeedBatch {

    private final List<FeedEntry> entries = new ArrayList<>();

    static FeedBatch current(FeedEntries feed) {
        return BatchWrites.current(FeedBatch.class.getName(), FeedBatch::new, batch -> {
            if (!batch.entries.isEmpty()) {
                feed.append(batch.entries);
            }
        });
    }

    void add(FeedEntry entry) {
        entries.add(entry);
    }
}
