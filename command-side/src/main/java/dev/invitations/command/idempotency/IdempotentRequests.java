package dev.invitations.command.idempotency;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs a request that carries an {@code Idempotency-Key} at most once. The first request with a key inserts a
 * record under a unique {@code _id} (so of two concurrent ones, exactly one runs), then stores its outcome: the
 * invitation ids it created, never a token. A repeat with the same fingerprint gets that outcome back; one with
 * another fingerprint is refused. A request that fails leaves no record, so a retry runs again.
 */
@Component
public class IdempotentRequests {

    static final String COLLECTION = "idempotency_keys";
    private static final Duration POLL = Duration.ofMillis(50);

    private final MongoTemplate mongo;
    private final Clock clock;
    private final IdempotencyProperties properties;

    public IdempotentRequests(MongoTemplate mongo, Clock clock, IdempotencyProperties properties) {
        this.mongo = mongo;
        this.clock = clock;
        this.properties = properties;
    }

    /**
     * The outcome of the request named {@code key}: {@code firstRun}'s if this is the first, the stored one if it
     * is a repeat.
     *
     * @throws KeyReusedException when the key was used for a request with another fingerprint
     * @throws KeyInUseException  when the first request with the key is still running after the wait bound
     */
    public Outcome once(String key, String fingerprint, Supplier<Outcome> firstRun) {
        Instant deadline = clock.instant().plus(properties.inProgressWait());
        while (!tryStart(key, fingerprint)) {
            Document existing = mongo.findById(key, Document.class, COLLECTION);
            if (existing == null || isExpired(existing)) {
                mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
                continue;
            }
            if (!fingerprint.equals(existing.getString("fingerprint"))) {
                throw new KeyReusedException();
            }
            if (existing.containsKey("outcome")) {
                return Outcome.from(existing.get("outcome", Document.class));
            }
            if (clock.instant().isAfter(deadline)) {
                throw new KeyInUseException();
            }
            pause();
        }
        try {
            Outcome outcome = firstRun.get();
            mongo.updateFirst(Query.query(Criteria.where("_id").is(key)),
                    Update.update("outcome", outcome.toDocument()), COLLECTION);
            return outcome;
        } catch (RuntimeException failed) {
            mongo.remove(Query.query(Criteria.where("_id").is(key)), COLLECTION);
            throw failed;
        }
    }

    private boolean tryStart(String key, String fingerprint) {
        try {
            mongo.insert(new Document("_id", key).append("fingerprint", fingerprint)
                    .append("createdAt", Date.from(clock.instant())), COLLECTION);
            return true;
        } catch (DuplicateKeyException repeat) {
            return false;
        }
    }

    /** Checked here too: the embedded server ignores the TTL index that expires records in MongoDB. */
    private boolean isExpired(Document record) {
        return record.getDate("createdAt").toInstant().plus(properties.retention()).isBefore(clock.instant());
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeyInUseException();
        }
    }

    /**
     * What a request did: its HTTP status and, per created item in order, the invitation id or the stored problem.
     */
    public record Outcome(int status, List<Item> items) {

        /** One item: exactly one of {@code invitationId} and {@code problem}. */
        public record Item(String invitationId, Map<String, Object> problem) {
        }

        Document toDocument() {
            return new Document("status", status).append("items", items.stream()
                    .map(item -> new Document("invitationId", item.invitationId())
                            .append("problem", item.problem() == null ? null : new Document(item.problem())))
                    .toList());
        }

        static Outcome from(Document document) {
            return new Outcome(document.getInteger("status"), document.getList("items", Document.class).stream()
                    .map(item -> new Item(item.getString("invitationId"), item.get("problem", Document.class)))
                    .toList());
        }
    }

    /** The key was first used with a different request. */
    public static class KeyReusedException extends RuntimeException {
        KeyReusedException() {
            super("this Idempotency-Key was used with a different request");
        }
    }

    /** The first request with the key has not finished yet. */
    public static class KeyInUseException extends RuntimeException {
        KeyInUseException() {
            super("a request with this Idempotency-Key is still in progress; retry");
        }
    }
}
