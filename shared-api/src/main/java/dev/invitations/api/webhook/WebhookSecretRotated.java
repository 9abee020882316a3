package dev.invitations.api.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An endpoint's signing secret was replaced; deliveries are signed under the previous one too until
 * {@code previousValidUntil}.
 *
 * @param encryptedSecret the new secret, AES-GCM under the server key
 */
@Revision("1")
public record WebhookSecretRotated(String orgId, String webhookId, String encryptedSecret, Instant previousValidUntil,
                                   String rotatedBy, Instant time) implements WebhookEvent {
}
