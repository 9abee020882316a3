package dev.invitations.api.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint's settings changed; the fields hold all of them after the change. {@code enabled: true} also ends a
 * {@code failing} state: deliveries resume where they stopped.
 */
@Revision("1")
public record WebhookChanged(String orgId, String webhookId, String url, List<String> types, String description,
                             boolean enabled, String changedBy, Instant time) implements WebhookEvent {
}
