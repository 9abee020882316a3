package dev.invitations.api.webhook;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint was registered, enabled.
 *
 * @param types           the event types it receives ({@code invitations.v1.InvitationCreated}, ...); empty: all
 * @param encryptedSecret its signing secret ({@code whsec_...}), AES-GCM under the server key, never in plain
 */
@Revision("1")
public record WebhookRegistered(String orgId, String webhookId, String url, List<String> types, String description,
                                String encryptedSecret, String registeredBy, Instant time) implements WebhookEvent {
}
