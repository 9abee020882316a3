package dev.invitations.query.feed;

import dev.invitations.query.BatchWrites;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The feed entries of one batch of events, appended together before the batch commits (see {@link BatchWrites}). */
final class FeedBatch {

    private final List<FeedEntry> entries = new ArrayList<>();
    private final Set<String> erasedInvitations = new LinkedHashSet<>();

    static FeedBatch current(FeedEntries feed) {
        return BatchWrites.current(FeedBatch.class.getName(), FeedBatch::new, batch -> {
            if (!batch.entries.isEmpty()) {
                feed.append(batch.entries);
            }
            // after the append: this batch's own entries of those invitations are stored by now
            if (!batch.erasedInvitations.isEmpty()) {
                feed.erasePersonalData(batch.erasedInvitations);
            }
        });
    }

    void add(FeedEntry entry) {
        entries.add(entry);
    }

    /** The personal data in every entry of the invitation, earlier batches' and this one's, is to be erased. */
    void erasePersonalDataOf(String invitationId) {
        erasedInvitations.add(invitationId);
    }
}
