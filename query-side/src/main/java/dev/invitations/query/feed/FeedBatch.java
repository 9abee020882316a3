package dev.invitations.query.feed;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;

import java.util.ArrayList;
import java.util.List;

/** The feed entries of one batch of events, appended together when the batch commits. */
final class FeedBatch {

    private final List<FeedEntry> entries = new ArrayList<>();

    static FeedBatch current(FeedEntries feed) {
        var unitOfWork = CurrentUnitOfWork.get().root();
        return unitOfWork.getOrComputeResource(FeedBatch.class.getName(), key -> {
            var batch = new FeedBatch();
            unitOfWork.onPrepareCommit(committing -> {
                if (!batch.entries.isEmpty()) {
                    feed.append(batch.entries);
                }
            });
            return batch;
        });
    }

    void add(FeedEntry entry) {
        entries.add(entry);
    }
}
