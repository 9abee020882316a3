package dev.invitations.query.webhook;

import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The reads of an org's webhook endpoints: never their secrets. */
@Service
public class WebhookQueries {

    private static final int MAX_DELIVERIES = 100;

    private final StoredWebhooks webhooks;
    private final DeliveryAttempts attempts;

    WebhookQueries(StoredWebhooks webhooks, DeliveryAttempts attempts) {
        this.webhooks = webhooks;
        this.attempts = attempts;
    }

    /**
     * An endpoint as the contract shows it.
     *
     * @param enabled  false when a PATCH disabled it, or the deliveries did (then {@code failing} too)
     * @param position the feed cursor delivered so far
     */
    public record Webhook(String id, String url, List<String> types, String description, boolean enabled,
                          boolean failing, String position) {
    }

    public record WebhookDelivery(String eventId, int attempt, Instant time, Integer statusCode, String error,
                           long latencyMs, Instant nextAttemptTime) {
    }

    public List<Webhook> list(String orgId) {
        return webhooks.ofOrg(orgId).stream().map(WebhookQueries::shown).toList();
    }

    public Optional<Webhook> get(String orgId, String webhookId) {
        return webhooks.find(orgId, webhookId).map(WebhookQueries::shown);
    }

    /** The newest attempts first; empty when the org has no such endpoint. */
    public Optional<List<WebhookDelivery>> deliveries(String orgId, String webhookId) {
        return webhooks.find(orgId, webhookId).map(endpoint -> attempts.newestFirst(webhookId, MAX_DELIVERIES)
                .stream().map(attempt -> new WebhookDelivery(attempt.eventId(), attempt.attempt(), attempt.time(),
                        attempt.statusCode(), attempt.error(), attempt.latencyMs(), attempt.nextAttemptTime()))
                .toList());
    }

    private static Webhook shown(WebhookEndpointDocument endpoint) {
        return new Webhook(endpoint.id(), endpoint.url(), endpoint.types(), endpoint.description(),
                endpoint.enabled() && !endpoint.failing(), endpoint.failing(), Long.toString(endpoint.position()));
    }
}
