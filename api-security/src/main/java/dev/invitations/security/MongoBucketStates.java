package dev.invitations.security;

import io.github.bucket4j.distributed.proxy.ClientSideConfig;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AbstractCompareAndSwapBasedProxyManager;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.AsyncCompareAndSwapOperation;
import io.github.bucket4j.distributed.proxy.generic.compare_and_swap.CompareAndSwapOperation;
import io.github.bucket4j.distributed.remote.RemoteBucketState;
import org.bson.Document;
import org.bson.types.Binary;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Bucket4j's token buckets kept in MongoDB, so that every instance of a side draws from the same bucket. Bucket4j
 * ships no MongoDB backend; its compare-and-swap contract needs only a read and a conditional write, which both
 * MongoDB and the embedded server do atomically on one document.
 */
class MongoBucketStates extends AbstractCompareAndSwapBasedProxyManager<String> {

    static final String COLLECTION = "rate_limit_buckets";

    private final MongoTemplate mongo;

    MongoBucketStates(MongoTemplate mongo) {
        super(ClientSideConfig.getDefault());
        this.mongo = mongo;
    }

    @Override
    protected CompareAndSwapOperation beginCompareAndSwapOperation(String key) {
        return new CompareAndSwapOperation() {
            @Override
            public Optional<byte[]> getStateData(Optional<Long> timeoutNanos) {
                return Optional.ofNullable(mongo.findById(key, Document.class, COLLECTION))
                        .map(bucket -> bucket.get("state", Binary.class).getData());
            }

            @Override
            public boolean compareAndSwap(byte[] originalData, byte[] newData, RemoteBucketState newState,
                                          Optional<Long> timeoutNanos) {
                if (originalData == null) {
                    try {
                        mongo.insert(new Document("_id", key).append("state", new Binary(newData)), COLLECTION);
                        return true;
                    } catch (DuplicateKeyException createdMeanwhile) {
                        return false;
                    }
                }
                var unchanged = Query.query(Criteria.where("_id").is(key).and("state").is(new Binary(originalData)));
                return mongo.updateFirst(unchanged, Update.update("state", new Binary(newData)), COLLECTION)
                        .getModifiedCount() == 1;
            }
        };
    }

    @Override
    protected AsyncCompareAndSwapOperation beginAsyncCompareAndSwapOperation(String key) {
        throw new UnsupportedOperationException("rate limits are checked synchronously");
    }

    @Override
    public boolean isAsyncModeSupported() {
        return false;
    }

    @Override
    public void removeProxy(String key) {
        mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
    }

    @Override
    protected CompletableFuture<Void> removeAsync(String key) {
        return CompletableFuture.runAsync(() -> removeProxy(key));
    }
}
