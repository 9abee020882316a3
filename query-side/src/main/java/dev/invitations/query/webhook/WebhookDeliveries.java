package dev.invitations.query.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.query.feed.OrgEventFeed;
import dev.invitations.query.feed.OrgEventFeed.PositionedEvent;
import dev.invitations.query.webhook.DeliveryAttempts.Attempt;
import dev.invitations.security.webhooks.WebhookSecrets;
import dev.invitations.security.webhooks.WebhookTargets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Delivers each endpoint's events, in feed order, at least once. Every instance polls for endpoints with events to
 * deliver (and the instance that adds to an org's feed looks at that org's endpoints at once when it knows the org has
 * any, {@link OrgsWithEndpoints}, so a delivery need not wait for the next poll) and claims each with a lease in
 * MongoDB ({@link StoredWebhooks#claim}), so one instance at a time delivers to an endpoint, and an instance that
 * died leaves it to another once its lease runs out. A claimed endpoint gets a run of its own on a bounded pool,
 * apart from the projections' threads and from every other endpoint: it reads the feed after the endpoint's position,
 * POSTs each event it receives (one at a time, so in order), stores the position after each 2xx, and on a failure
 * stops, to retry the same event after a growing wait while later ones wait behind it; past {@code give-up-after} (or
 * at a 410) the endpoint is set failing and gets nothing more until it is enabled again.
 */
@Component
class WebhookDeliveries implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);
    private static final int MAX_ERROR = 500;
    /** At most one look at the orgs added to per this interval: under load, one look covers the appends meanwhile. */
    private static final long APPENDED_POLL_SPACING_NANOS = Duration.ofMillis(50).toNanos();

    private final StoredWebhooks webhooks;
    private final DeliveryAttempts attempts;
    private final OrgEventFeed feed;
    private final OrgsWithEndpoints orgsWithEndpoints;
    private final WebhookSecrets secrets;
    private final WebhookTargets targets;
    private final WebhookDeliveryProperties properties;
    private final ObjectMapper json;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    /** Orgs whose feed this instance added to since the poller last looked at them. */
    private final Set<String> appendedOrgs = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean appendedPollScheduled = new AtomicBoolean();
    private volatile long lastAppendedPollNanos = System.nanoTime() - APPENDED_POLL_SPACING_NANOS;
    private final HttpClient http;
    private ScheduledExecutorService poller;
    private ExecutorService pool;
    private volatile boolean started;

    WebhookDeliveries(StoredWebhooks webhooks, DeliveryAttempts attempts, OrgEventFeed feed,
                      OrgsWithEndpoints orgsWithEndpoints, WebhookSecrets secrets, WebhookTargets targets,
                      WebhookDeliveryProperties properties, ObjectMapper json, Clock clock) {
        this.webhooks = webhooks;
        this.attempts = attempts;
        this.feed = feed;
        this.orgsWithEndpoints = orgsWithEndpoints;
        this.secrets = secrets;
        this.targets = targets;
        this.properties = properties;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(properties.timeout())
                .build();
        feed.onAppended(this::appended);
    }

    @Override
    public void start() {
        pool = Executors.newFixedThreadPool(properties.threads(), runnable -> {
            Thread thread = new Thread(runnable, "webhook-delivery");
            thread.setDaemon(true);
            return thread;
        });
        poller = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "webhook-poller");
            thread.setDaemon(true);
            return thread;
        });
        started = true;
        poller.execute(this::findOrgsWithEndpoints);
        long interval = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        started = false;
        poller.shutdownNow();
        pool.shutdownNow();
    }

    @Override
    public boolean isRunning() {
        return started;
    }

    /**
     * Finds the orgs with endpoints, and claims the endpoints due now that have events past their position, as many as
     * there are free threads.
     */
    void poll() {
        findOrgsWithEndpoints();
        Instant now = clock.instant();
        claimDue(() -> webhooks.due(now, 1000), now);
    }

    private void findOrgsWithEndpoints() {
        try {
            orgsWithEndpoints.found(webhooks.orgsWithEndpoints());
        } catch (RuntimeException e) {
            LOG.warn("Looking for orgs with webhook endpoints failed; looking again in {}", properties.pollInterval(), e);
        }
    }

    /**
     * Has the poller look at the endpoints of orgs whose feed this instance just added to, those with any: at once, or
     * 50 ms after its last such look.
     */
    private void appended(Set<String> orgIds) {
        if (!started) {
            return;
        }
        orgIds.stream().filter(orgsWithEndpoints::contains).forEach(appendedOrgs::add);
        if (appendedOrgs.isEmpty()) {
            return;
        }
        if (appendedPollScheduled.compareAndSet(false, true)) {
            long wait = lastAppendedPollNanos + APPENDED_POLL_SPACING_NANOS - System.nanoTime();
            try {
                poller.schedule(this::pollAppended, Math.max(0, wait), TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException stopping) {
                appendedPollScheduled.set(false);
            }
        }
    }

    private void pollAppended() {
        lastAppendedPollNanos = System.nanoTime();
        appendedPollScheduled.set(false);
        List<String> orgIds = new ArrayList<>(appendedOrgs);
        appendedOrgs.removeAll(orgIds);
        if (!orgIds.isEmpty()) {
            Instant now = clock.instant();
            claimDue(() -> webhooks.dueIn(orgIds, now, 1000), now);
        }
    }

    private void claimDue(Supplier<List<WebhookEndpointDocument>> due, Instant now) {
        try {
            for (WebhookEndpointDocument endpoint : due.get()) {
                if (running.size() >= properties.threads()) {
                    return;
                }
                if (running.contains(endpoint.id()) || feed.lastPosition(endpoint.orgId()) <= endpoint.position()) {
                    continue;
                }
                var claimed = webhooks.claim(endpoint.id(), owner, now, now.plus(properties.lease()));
                if (claimed.isPresent() && running.add(endpoint.id())) {
                    pool.execute(() -> run(endpoint.id()));
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Looking for webhook deliveries failed; looking again in {}", properties.pollInterval(), e);
        }
    }

    /** Delivers to one endpoint until it is up to date, fails, or is no longer this instance's. */
    private void run(String webhookId) {
        try {
            boolean more = true;
            while (more && started) {
                more = deliverBatch(webhookId);
            }
        } catch (RuntimeException e) {
            LOG.warn("Delivering to webhook {} failed; retrying after its lease", webhookId, e);
        } finally {
            running.remove(webhookId);
            try {
                webhooks.release(webhookId, owner);
            } catch (RuntimeException e) {
                LOG.warn("Releasing webhook {} failed; its lease runs out", webhookId, e);
            }
        }
    }

    /** One batch of the feed; whether to go on with the next. */
    private boolean deliverBatch(String webhookId) {
        var endpoint = webhooks.find(webhookId).orElse(null);
        Instant now = clock.instant();
        if (endpoint == null || !endpoint.enabled() || endpoint.deleted() || endpoint.failing()
                || !owner.equals(endpoint.leaseOwner())
                || (endpoint.nextAttemptTime() != null && endpoint.nextAttemptTime().isAfter(now))) {
            return false;
        }
        List<PositionedEvent> events = feed.after(endpoint.orgId(), endpoint.position(), properties.batchSize());
        if (events.isEmpty()) {
            return false;
        }
        List<String> signingSecrets = signingSecrets(endpoint, now);
        int failures = endpoint.attempts();
        for (PositionedEvent event : events) {
            // extends the lease only while no change, deletion or replay moved the endpoint on since it was read
            if (!started || !webhooks.record(webhookId, owner, endpoint.generation(),
                    new Update().set("leaseUntil", Date.from(clock.instant().plus(properties.lease()))))) {
                return false;
            }
            if (!endpoint.receives(event.event().type())) {
                if (!advance(endpoint, event.position())) {
                    return false;
                }
                continue;
            }
            Outcome outcome = post(endpoint, event, signingSecrets);
            if (outcome.delivered()) {
                attempts.record(webhookId, new Attempt(event.event().id(), failures + 1, outcome.time(),
                        outcome.statusCode(), null, outcome.latencyMs(), null));
                failures = 0;
                if (!advance(endpoint, event.position())) {
                    return false;
                }
                continue;
            }
            failed(endpoint, event, failures + 1, outcome);
            return false;
        }
        return true;
    }

    private boolean advance(WebhookEndpointDocument endpoint, long position) {
        return webhooks.record(endpoint.id(), owner, endpoint.generation(), new Update().set("position", position)
                .set("attempts", 0).unset("firstFailureTime").unset("nextAttemptTime"));
    }

    private void failed(WebhookEndpointDocument endpoint, PositionedEvent event, int attempt, Outcome outcome) {
        Instant firstFailure = endpoint.firstFailureTime() != null && attempt > 1 ? endpoint.firstFailureTime()
                : outcome.time();
        Update update = new Update().set("attempts", attempt).set("firstFailureTime", Date.from(firstFailure));
        Instant next = null;
        if (outcome.statusCode() != null && outcome.statusCode() == 410) {
            update.set("failing", true).set("failure", "the endpoint answered 410 Gone").unset("nextAttemptTime");
        } else {
            next = outcome.time().plus(properties.retryDelay(attempt));
            if (!next.isBefore(firstFailure.plus(properties.giveUpAfter()))) {
                next = null;
                update.set("failing", true).set("failure", "every attempt failed for "
                        + properties.giveUpAfter()).unset("nextAttemptTime");
            } else {
                update.set("nextAttemptTime", Date.from(next));
            }
        }
        attempts.record(endpoint.id(), new Attempt(event.event().id(), attempt, outcome.time(), outcome.statusCode(),
                outcome.error(), outcome.latencyMs(), next));
        webhooks.record(endpoint.id(), owner, endpoint.generation(), update);
    }

    /** The current secret, and the previous one while it is still valid. */
    private List<String> signingSecrets(WebhookEndpointDocument endpoint, Instant now) {
        List<String> list = new ArrayList<>();
        list.add(secrets.decrypt(endpoint.id(), endpoint.encryptedSecret()));
        if (endpoint.encryptedPreviousSecret() != null && endpoint.previousSecretUntil() != null
                && endpoint.previousSecretUntil().isAfter(now)) {
            list.add(secrets.decrypt(endpoint.id(), endpoint.encryptedPreviousSecret()));
        }
        return list;
    }

    private record Outcome(boolean delivered, Instant time, Integer statusCode, String error, long latencyMs) {
    }

    private Outcome post(WebhookEndpointDocument endpoint, PositionedEvent event, List<String> signingSecrets) {
        Instant start = clock.instant();
        long started = System.nanoTime();
        // checked again at each delivery: what a name resolves to can change after the registration
        var refusal = targets.refusal(endpoint.url());
        if (refusal.isPresent()) {
            return new Outcome(false, start, null, "target refused: it " + refusal.get(), 0);
        }
        String body;
        try {
            body = json.writeValueAsString(event.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long timestamp = start.getEpochSecond();
        String id = event.event().id();
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.url()))
                    .timeout(properties.timeout())
                    .header("Content-Type", "application/cloudevents+json")
                    .header("webhook-id", id)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSignature.header(signingSecrets, id, timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            long latency = (System.nanoTime() - started) / 1_000_000;
            int status = response.statusCode();
            boolean delivered = status >= 200 && status < 300;
            return new Outcome(delivered, start, status, delivered ? null : "the endpoint answered " + status,
                    latency);
        } catch (HttpTimeoutException e) {
            return new Outcome(false, start, null, "no answer within " + properties.timeout(),
                    (System.nanoTime() - started) / 1_000_000);
        } catch (IOException | IllegalArgumentException e) {
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            return new Outcome(false, start, null, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // the instance stops: no attempt is recorded, and the event is tried again by whoever claims it next
            throw new IllegalStateException("delivery interrupted", e);
        }
    }
}
