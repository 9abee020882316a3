package dev.invitations.query.webhook;

import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@code webhook_deliveries}: each attempt to deliver an event to an endpoint, for its deliveries list; only the newest
 * {@code invitations.webhooks.deliveries-kept} of an endpoint are kept. It holds no body and no secret.
 */
@Repository
class DeliveryAttempts {

    static final String COLLECTION = "webhook_deliveries";

    private final MongoTemplate mongo;
    private final int kept;

    DeliveryAttempts(MongoTemplate mongo, WebhookDeliveryProperties properties) {
        this.mongo = mongo;
        this.kept = properties.deliveriesKept();
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("webhookId", Sort.Direction.ASC)
                .on("time", Sort.Direction.DESC).named("by-webhook-newest-first"));
    }

    /**
     * One attempt.
     *
     * @param statusCode      the endpoint's answer, null when there was none (timeout, refused connection)
     * @param error           why it failed, null when it did not
     * @param nextAttemptTime when the event is tried again, null when it is not
     */
    record Attempt(String eventId, int attempt, Instant time, Integer statusCode, String error, long latencyMs,
                   Instant nextAttemptTime) {
    }

    void record(String webhookId, Attempt attempt) {
        mongo.insert(new Document("webhookId", webhookId).append("eventId", attempt.eventId())
                .append("attempt", attempt.attempt()).append("time", Date.from(attempt.time()))
                .append("statusCode", attempt.statusCode()).append("error", attempt.error())
                .append("latencyMs", attempt.latencyMs())
                .append("nextAttemptTime", attempt.nextAttemptTime() == null ? null
                        : Date.from(attempt.nextAttemptTime())), COLLECTION);
        List<Document> older = mongo.find(query(where("webhookId").is(webhookId))
                .with(Sort.by(Sort.Direction.DESC, "time", "_id")).skip(kept).limit(100), Document.class, COLLECTION);
        if (!older.isEmpty()) {
            mongo.remove(query(where("_id").in(older.stream().map(document -> document.get("_id")).toList())),
                    COLLECTION);
        }
    }

    /** The endpoint's attempts, newest first. */
    List<Attempt> newestFirst(String webhookId, int limit) {
        return mongo.find(query(where("webhookId").is(webhookId)).with(Sort.by(Sort.Direction.DESC, "time", "_id"))
                .limit(limit), Document.class, COLLECTION).stream().map(document -> new Attempt(
                document.getString("eventId"), document.getInteger("attempt", 0),
                document.getDate("time").toInstant(), document.getInteger("statusCode"), document.getString("error"),
                ((Number) document.get("latencyMs")).longValue(),
                document.getDate("nextAttemptTime") == null ? null : document.getDate("nextAttemptTime").toInstant()))
                .toList();
    }
}
