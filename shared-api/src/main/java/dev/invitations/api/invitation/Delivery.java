package dev.invitations.api.invitation;

/** What became of the invitation email of the current send. */
public record Delivery(DeliveryStatus status, int attempts, String lastError) {

    static Delivery firstAttemptOf(boolean emailDisabled) {
        return new Delivery(emailDisabled ? DeliveryStatus.SUPPRESSED : DeliveryStatus.QUEUED, 0, null);
    }
}
