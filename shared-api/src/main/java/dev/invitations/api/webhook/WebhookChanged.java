package dev.invitations.api.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint's settings changed; the fields hold all of them after the change.
 *
 * @param resumed whether the change set {@code enabled} to true (whatever it was): that also ends a {@code failing}
 *                state the deliveries set, and deliveries resume where they stopped
 */
@Revision("1")
public record WebhookChanged(String orgId, String webhookId, String url, List<String> types, String description,
                             boolean enabled, boolean resumed, String changedBy, Instant time)
        implements WebhookEvent {
}
