package dev.invitations.resource;

/** What became of the invitation email of the current send. */
public record Delivery(DeliveryStatus status, int attempts, String lastError) {

    static Delivery firstAttemptOf(boolean emailDisabled) {
        return new Delivery(emailDisabled ? DeliveryStatus.SUPPRESSED : DeliveryStatus.QUEUED, 0, null);
    }

    static Delivery sent(int attempts) {
        return new Delivery(DeliveryStatus.SENT, attempts, null);
    }

    /** Still QUEUED while another attempt follows, FAILED once they ran out; the error is kept either way. */
    static Delivery failed(int attempts, String error, boolean retrying) {
        return new Delivery(retrying ? DeliveryStatus.QUEUED : DeliveryStatus.FAILED, attempts, error);
    }

    /** The same delivery without the SMTP server's answer, which may quote the address. */
    Delivery withoutError() {
        return new Delivery(status, attempts, null);
    }
}
