package dev.invitations.eventstore;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import org.axonframework.deadline.AbstractDeadlineManager;
import org.axonframework.deadline.DeadlineException;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.GenericDeadlineMessage;
import org.axonframework.messaging.DefaultInterceptorChain;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.ScopeAwareProvider;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.lte;

/**
 * Axon deadlines kept in a MongoDB collection, so that they survive a restart (Axon's own deadline managers keep them
 * in memory or need JDBC). Every instance polls for due deadlines and claims each with an atomic update that leases
 * it for a while: with several instances, a deadline fires in one of them. A deadline is deleted once its handler
 * succeeded; one whose handler failed fires again after the retry delay, and one whose instance died while handling
 * it after the lease, so a deadline fires at least once and handlers must tolerate a repeat.
 */
public class MongoDeadlineManager extends AbstractDeadlineManager implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(MongoDeadlineManager.class);
    private static final Date UNCLAIMED = new Date(0);

    private final MongoCollection<Document> deadlines;
    private final ScopeAwareProvider scopes;
    private final Serializer serializer;
    private final DeadlineProperties properties;
    private final Clock clock;
    private ScheduledExecutorService poller;

    public MongoDeadlineManager(MongoCollection<Document> deadlines, ScopeAwareProvider scopes, Serializer serializer,
                                DeadlineProperties properties, Clock clock) {
        this.deadlines = deadlines;
        this.scopes = scopes;
        this.serializer = serializer;
        this.properties = properties;
        this.clock = clock;
        deadlines.createIndex(Indexes.ascending("triggerTime"));
    }

    @Override
    public String schedule(Instant triggerDateTime, String deadlineName, Object messageOrPayload,
                           ScopeDescriptor deadlineScope) {
        DeadlineMessage<?> message = processDispatchInterceptors(
                GenericDeadlineMessage.asDeadlineMessage(deadlineName, messageOrPayload, triggerDateTime));
        String scheduleId = UUID.randomUUID().toString();
        Document deadline = new Document("_id", scheduleId)
                .append("name", deadlineName)
                .append("scope", serialized(deadlineScope))
                .append("triggerTime", storedTime(triggerDateTime))
                .append("lockedUntil", UNCLAIMED)
                .append("messageId", message.getIdentifier())
                .append("metaData", serialized(message.getMetaData()));
        if (message.getPayload() != null) {
            deadline.append("payload", serialized(message.getPayload()));
        }
        // only once the work that scheduled it is stored: a rolled-back saga step leaves no deadline behind
        runOnPrepareCommitOrNow(() -> deadlines.insertOne(deadline));
        return scheduleId;
    }

    @Override
    public void cancelSchedule(String deadlineName, String scheduleId) {
        // a schedule id names one deadline, whatever its name
        runOnPrepareCommitOrNow(() -> deadlines.deleteOne(eq("_id", scheduleId)));
    }

    @Override
    public void cancelAll(String deadlineName) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteMany(eq("name", deadlineName)));
    }

    @Override
    public void cancelAllWithinScope(String deadlineName, ScopeDescriptor scope) {
        runOnPrepareCommitOrNow(() -> deadlines.deleteMany(
                and(eq("name", deadlineName), eq("scope", serialized(scope)))));
    }

    /** Fires every deadline that is due and not claimed by a live instance, oldest first. */
    void fireDueDeadlines() {
        for (Document due = claimNext(); due != null; due = claimNext()) {
            String scheduleId = due.getString("_id");
            try {
                fire(due);
                deadlines.deleteOne(eq("_id", scheduleId));
            } catch (RuntimeException e) {
                log.warn("deadline {} ({}) failed; it fires again in {}", scheduleId, due.getString("name"),
                        properties.retryDelay(), e);
                deadlines.updateOne(eq("_id", scheduleId), Updates.set("lockedUntil",
                        Date.from(clock.instant().plus(properties.retryDelay()))));
            }
        }
    }

    private Document claimNext() {
        Date now = Date.from(clock.instant());
        Bson dueAndFree = and(lte("triggerTime", now), lte("lockedUntil", now));
        return deadlines.findOneAndUpdate(dueAndFree,
                Updates.set("lockedUntil", Date.from(now.toInstant().plus(properties.lease()))),
                new FindOneAndUpdateOptions().sort(Sorts.ascending("triggerTime")).returnDocument(ReturnDocument.AFTER));
    }

    private void fire(Document due) {
        ScopeDescriptor scope = deserialized(due.get("scope", Document.class));
        Document payload = due.get("payload", Document.class);
        DeadlineMessage<?> message = new GenericDeadlineMessage<>(due.getString("name"), due.getString("messageId"),
                payload == null ? null : deserialized(payload),
                (MetaData) deserialized(due.get("metaData", Document.class)),
                due.getDate("triggerTime").toInstant());
        var unitOfWork = new DefaultUnitOfWork<DeadlineMessage<?>>(message);
        var chain = new DefaultInterceptorChain<>(unitOfWork, handlerInterceptors(), intercepted -> {
            scopes.provideScopeAwareStream(scope)
                    .filter(component -> component.canResolve(scope))
                    .forEach(component -> {
                        try {
                            component.send(intercepted, scope);
                        } catch (Exception e) {
                            throw new DeadlineException("the deadline's handler failed in " + scope.scopeDescription(), e);
                        }
                    });
            return null;
        });
        var result = unitOfWork.executeWithResult(chain::proceed);
        if (result.isExceptional()) {
            throw new DeadlineException("deadline " + due.getString("_id") + " failed", result.exceptionResult());
        }
    }

    /**
     * A BSON date holds milliseconds: the trigger time is rounded up to the next one, so that a deadline never fires
     * before its time (an expiry checked a microsecond early would change nothing).
     */
    private static Date storedTime(Instant time) {
        Instant wholeMillis = time.truncatedTo(ChronoUnit.MILLIS);
        return Date.from(wholeMillis.equals(time) ? time : wholeMillis.plusMillis(1));
    }

    private Document serialized(Object object) {
        SerializedObject<String> serialized = serializer.serialize(object, String.class);
        return new Document("type", serialized.getType().getName())
                .append("revision", serialized.getType().getRevision())
                .append("data", serialized.getData());
    }

    private <T> T deserialized(Document serialized) {
        return serializer.deserialize(new SimpleSerializedObject<>(serialized.getString("data"), String.class,
                serialized.getString("type"), serialized.getString("revision")));
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            var thread = new Thread(runnable, "deadlines");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::pollSafely, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void pollSafely() {
        try {
            fireDueDeadlines();
        } catch (RuntimeException e) {
            // MongoDB unreachable, say: the next poll tries again
            log.warn("polling for due deadlines failed: {}", e.toString());
        }
    }

    @Override
    public void shutdown() {
        stop();
    }

    @Override
    public synchronized void stop() {
        if (poller != null) {
            poller.shutdown();
            try {
                poller.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            poller = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }

    /** After Axon's configuration has started, so that the sagas a deadline is for can receive it. */
    @Override
    public int getPhase() {
        return SpringAxonConfiguration.LIFECYCLE_PHASE + 1;
    }
}
