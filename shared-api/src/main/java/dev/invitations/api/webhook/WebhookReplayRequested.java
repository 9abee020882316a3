package dev.invitations.api.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * Every event of the org's feed after position {@code after} that the endpoint receives is to be delivered (again).
 */
@Revision("1")
public record WebhookReplayRequested(String orgId, String webhookId, long after, String requestedBy, Instant time)
        implements WebhookEvent {
}
