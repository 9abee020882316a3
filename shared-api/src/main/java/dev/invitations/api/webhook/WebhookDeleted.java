package dev.invitations.api.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An endpoint was deleted: nothing more is delivered to it. */
@Revision("1")
public record WebhookDeleted(String orgId, String webhookId, String deletedBy, Instant time) implements WebhookEvent {
}
