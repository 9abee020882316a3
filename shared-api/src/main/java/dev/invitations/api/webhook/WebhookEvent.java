package dev.invitations.api.webhook;

/**
 * An event of an org's webhook endpoint. None is an {@code InvitationEvent}: they are not in the org's invitation
 * feed, and no invitation processor handles them. Each endpoint's events are one stream,
 * {@link #aggregateIdentifierOf}, apart from every invitation's. None holds a secret in plain: only its AES-GCM
 * ciphertext under the server key ({@code invitations.webhooks.secret-key}).
 */
public sealed interface WebhookEvent
        permits WebhookRegistered, WebhookChanged, WebhookSecretRotated, WebhookDeleted, WebhookReplayRequested {

    String orgId();

    String webhookId();

    /**
     * The aggregate identifier of the endpoint's stream. Its prefix keeps it apart from invitation ids (UUIDs), with
     * which it shares the event store's unique (aggregate identifier, sequence number) index.
     */
    static String aggregateIdentifierOf(String webhookId) {
        return "webhook:" + webhookId;
    }
}
