package dev.invitations.query.webhook;

import dev.invitations.api.webhook.WebhookChanged;
import dev.invitations.api.webhook.WebhookDeleted;
import dev.invitations.api.webhook.WebhookRegistered;
import dev.invitations.api.webhook.WebhookReplayRequested;
import dev.invitations.api.webhook.WebhookSecretRotated;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.bson.Document;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.util.Date;

/**
 * Keeps {@code webhook_endpoints} from the endpoints' events, in a processing group of its own: the views' rebuild
 * never resets it, since the endpoints' positions in the feed live beside their settings. Each event is applied
 * once (by its sequence number), so a redelivered replay does not move the position back again.
 */
@Component
@ProcessingGroup(WebhookProjection.PROCESSING_GROUP)
class WebhookProjection {

    static final String PROCESSING_GROUP = "webhook-endpoints";

    private final StoredWebhooks webhooks;

    WebhookProjection(StoredWebhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Where its deliveries start is {@link WebhookStartPositions}' to say. */
    @EventHandler
    void on(WebhookRegistered registered, DomainEventMessage<?> event) {
        webhooks.register(registered.webhookId(), event.getSequenceNumber(), new Document()
                .append("orgId", registered.orgId()).append("url", registered.url())
                .append("types", registered.types()).append("description", registered.description())
                .append("enabled", true).append("secret", registered.encryptedSecret())
                .append("registeredAt", Date.from(registered.time())));
    }

    @EventHandler
    void on(WebhookChanged changed, DomainEventMessage<?> event) {
        // a run under way stops at its next event (its generation is gone): the change applies from the next one
        var update = new Update().set("url", changed.url()).set("types", changed.types())
                .set("description", changed.description()).set("enabled", changed.enabled()).inc("generation", 1);
        if (changed.resumed()) {
            update.set("failing", false).set("attempts", 0).unset("firstFailureTime").unset("nextAttemptTime");
        }
        webhooks.apply(changed.webhookId(), event.getSequenceNumber(), update);
    }

    @EventHandler
    void on(WebhookSecretRotated rotated, DomainEventMessage<?> event) {
        webhooks.find(rotated.webhookId()).ifPresent(current -> webhooks.apply(rotated.webhookId(),
                event.getSequenceNumber(), new Update().set("secret", rotated.encryptedSecret())
                        .set("previousSecret", current.encryptedSecret())
                        .set("previousSecretUntil", Date.from(rotated.previousValidUntil()))));
    }

    @EventHandler
    void on(WebhookDeleted deleted, DomainEventMessage<?> event) {
        webhooks.apply(deleted.webhookId(), event.getSequenceNumber(), new Update().set("deleted", true)
                .set("enabled", false).unset("secret").unset("previousSecret").inc("generation", 1));
    }

    /** Moves the position back (or on) to {@code after}; the event at the head starts afresh. */
    @EventHandler
    void on(WebhookReplayRequested replay, DomainEventMessage<?> event) {
        webhooks.apply(replay.webhookId(), event.getSequenceNumber(), new Update().set("position", replay.after())
                .inc("generation", 1).set("attempts", 0).unset("firstFailureTime").unset("nextAttemptTime"));
    }
}
