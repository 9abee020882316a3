package dev.invitations.command.webhook;

import dev.invitations.api.org.OrgId;
import dev.invitations.api.webhook.WebhookEvent;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.List;

/**
 * The commands of an org's webhook endpoint. {@code actor} is the authenticated caller; a secret is only ever its
 * ciphertext under the server key, which the web layer encrypts.
 */
public final class WebhookCommands {

    private WebhookCommands() {
    }

    /** @param types the event types it receives; empty: all */
    public record RegisterWebhook(OrgId orgId, String webhookId, String url, List<String> types, String description,
                                  String encryptedSecret, String actor) {
        @TargetAggregateIdentifier
        public String streamId() {
            return WebhookEvent.aggregateIdentifierOf(webhookId);
        }
    }

    /** A field that is {@code null} stays as it is. */
    public record ChangeWebhook(OrgId orgId, String webhookId, String url, List<String> types, String description,
                                Boolean enabled, String actor) {
        @TargetAggregateIdentifier
        public String streamId() {
            return WebhookEvent.aggregateIdentifierOf(webhookId);
        }
    }

    public record RotateWebhookSecret(OrgId orgId, String webhookId, String encryptedSecret, String actor) {
        @TargetAggregateIdentifier
        public String streamId() {
            return WebhookEvent.aggregateIdentifierOf(webhookId);
        }
    }

    public record DeleteWebhook(OrgId orgId, String webhookId, String actor) {
        @TargetAggregateIdentifier
        public String streamId() {
            return WebhookEvent.aggregateIdentifierOf(webhookId);
        }
    }

    /** @param after a position of the org's feed */
    public record ReplayWebhook(OrgId orgId, String webhookId, long after, String actor) {
        @TargetAggregateIdentifier
        public String streamId() {
            return WebhookEvent.aggregateIdentifierOf(webhookId);
        }
    }

    /** An endpoint as its stream holds it: what the command side answers with (never its secret). */
    public record WebhookState(String id, String url, List<String> types, String description, boolean enabled) {
    }
}
