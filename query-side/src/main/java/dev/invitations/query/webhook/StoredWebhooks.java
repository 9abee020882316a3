package dev.invitations.query.webhook;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * {@code webhook_endpoints}: one document per endpoint, its settings (from its events, written by the projection,
 * each event once: {@code sequence} is the last one applied) beside its delivery state (written by the deliveries,
 * under the instance's lease): {@code position} (the feed cursor delivered so far), {@code generation} (moved on by a
 * replay, a change or a deletion, so that a delivery run from before it stops and cannot store its position), the failed attempts of the event at the
 * head, when it is next tried, and {@code failing}. The secrets are the events' ciphertexts, never plain.
 */
@Repository
class StoredWebhooks {

    static final String COLLECTION = "webhook_endpoints";

    private final MongoTemplate mongo;

    StoredWebhooks(MongoTemplate mongo) {
        this.mongo = mongo;
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on("orgId", Sort.Direction.ASC).named("by-org"));
    }

    /** The endpoint as stored, when it is the org's and not deleted. */
    Optional<WebhookEndpointDocument> find(String orgId, String webhookId) {
        return Optional.ofNullable(mongo.findOne(query(where("_id").is(webhookId).and("orgId").is(orgId)
                        .and("deleted").is(false)), Document.class, COLLECTION))
                .map(WebhookEndpointDocument::of);
    }

    Optional<WebhookEndpointDocument> find(String webhookId) {
        return Optional.ofNullable(mongo.findById(webhookId, Document.class, COLLECTION))
                .map(WebhookEndpointDocument::of);
    }

    List<WebhookEndpointDocument> ofOrg(String orgId) {
        return mongo.find(query(where("orgId").is(orgId).and("deleted").is(false)).with(Sort.by("registeredAt", "_id")),
                Document.class, COLLECTION).stream().map(WebhookEndpointDocument::of).toList();
    }

    // ---- written by the projection: each event once, in its stream's order

    /** The endpoint's settings; its start position may have come first ({@link #startAfter}). */
    void register(String webhookId, long sequence, Document settings) {
        // the endpoint's first event, applied once: its document may hold only the start position so far
        var update = new Update().set("sequence", sequence)
                .set("generation", 0L).set("failing", false).set("deleted", false).set("attempts", 0);
        settings.forEach(update::set);
        try {
            mongo.upsert(query(where("_id").is(webhookId).and("sequence").lt(sequence)), update, COLLECTION);
        } catch (DuplicateKeyException alreadyApplied) {
            // a redelivered registration: the endpoint has it, and maybe later changes
        }
    }

    /**
     * Where the endpoint's deliveries start: after {@code position} of its org's feed. Only the first call counts, so
     * that the feed's processor handling the registration again leaves the position where deliveries moved it.
     */
    void startAfter(String webhookId, long position) {
        try {
            // before the registration's settings, at a sequence they come after
            mongo.upsert(query(where("_id").is(webhookId).and("position").exists(false)),
                    new Update().set("position", position).setOnInsert("sequence", -1L), COLLECTION);
        } catch (DuplicateKeyException alreadyStarted) {
            // the endpoint has its position: nothing to do
        }
    }

    void apply(String webhookId, long sequence, Update update) {
        mongo.updateFirst(query(where("_id").is(webhookId).and("sequence").lt(sequence)),
                update.set("sequence", sequence), COLLECTION);
    }

    // ---- written by the deliveries

    /** Endpoints that may have events to deliver now, and that no live lease holds. */
    List<WebhookEndpointDocument> due(Instant now, int limit) {
        return due(takingDeliveries(), now, limit);
    }

    /** The orgs with an endpoint that may take deliveries (enabled, not deleted, not failing). */
    List<String> orgsWithEndpoints() {
        return mongo.findDistinct(query(takingDeliveries()), "orgId", COLLECTION, String.class);
    }

    /** The endpoints of {@link #due} of these orgs. */
    List<WebhookEndpointDocument> dueIn(Collection<String> orgIds, Instant now, int limit) {
        return due(takingDeliveries().and("orgId").in(orgIds), now, limit);
    }

    /** Endpoints that may take deliveries: enabled, not deleted, not failing. */
    private static Criteria takingDeliveries() {
        return where("enabled").is(true).and("deleted").is(false).and("failing").is(false);
    }

    /** The endpoints of {@code takingDeliveries} (a criteria built on {@link #takingDeliveries()}) due now. */
    private List<WebhookEndpointDocument> due(Criteria takingDeliveries, Instant now, int limit) {
        Date at = Date.from(now);
        return mongo.find(query(takingDeliveries
                        .and("position").exists(true)
                        .andOperator(new Criteria().orOperator(where("nextAttemptTime").is(null),
                                        where("nextAttemptTime").lte(at)),
                                new Criteria().orOperator(where("leaseUntil").is(null), where("leaseUntil").lt(at))))
                        .limit(limit), Document.class, COLLECTION).stream()
                .map(WebhookEndpointDocument::of).toList();
    }

    /** Takes the endpoint's lease when nobody's is live; the endpoint as it is then, or empty. */
    Optional<WebhookEndpointDocument> claim(String webhookId, String owner, Instant now, Instant until) {
        Date at = Date.from(now);
        return Optional.ofNullable(mongo.findAndModify(
                query(where("_id").is(webhookId).orOperator(where("leaseUntil").is(null), where("leaseUntil").lt(at),
                        where("leaseOwner").is(owner))),
                new Update().set("leaseOwner", owner).set("leaseUntil", Date.from(until)),
                FindAndModifyOptions.options().returnNew(true), Document.class, COLLECTION))
                .map(WebhookEndpointDocument::of);
    }

    void release(String webhookId, String owner) {
        mongo.updateFirst(query(where("_id").is(webhookId).and("leaseOwner").is(owner)),
                new Update().unset("leaseOwner").unset("leaseUntil"), COLLECTION);
    }

    /**
     * Records the outcome of a run: only while this instance holds the lease and no replay moved the endpoint since
     * the run read it. False when neither holds: the run stops.
     */
    boolean record(String webhookId, String owner, long generation, Update update) {
        return mongo.updateFirst(query(where("_id").is(webhookId).and("leaseOwner").is(owner)
                .and("generation").is(generation)), update, COLLECTION).getMatchedCount() == 1;
    }
}
