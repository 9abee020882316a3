package dev.invitations.query.webhook;

import org.bson.Document;

import java.time.Instant;
import java.util.Date;
import java.util.List;

/** A {@code webhook_endpoints} document, read. */
record WebhookEndpointDocument(String id, String orgId, String url, List<String> types, String description,
                               boolean enabled, boolean deleted, boolean failing, String encryptedSecret,
                               String encryptedPreviousSecret, Instant previousSecretUntil, long position,
                               long generation, int attempts, Instant firstFailureTime, Instant nextAttemptTime,
                               String leaseOwner) {

    static WebhookEndpointDocument of(Document document) {
        return new WebhookEndpointDocument(document.getString("_id"), document.getString("orgId"),
                document.getString("url"), document.getList("types", String.class, List.of()),
                document.getString("description"), document.getBoolean("enabled", false),
                document.getBoolean("deleted", false), document.getBoolean("failing", false),
                document.getString("secret"), document.getString("previousSecret"),
                instant(document.getDate("previousSecretUntil")), number(document.get("position")),
                number(document.get("generation")), (int) number(document.get("attempts")),
                instant(document.getDate("firstFailureTime")), instant(document.getDate("nextAttemptTime")),
                document.getString("leaseOwner"));
    }

    boolean receives(String type) {
        return types.isEmpty() || types.contains(type);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    @Override
    public String toString() {
        return "WebhookEndpointDocument[id=" + id + ", orgId=" + orgId + ", position=" + position + "]";
    }
}
