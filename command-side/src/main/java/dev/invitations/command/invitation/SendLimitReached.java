package dev.invitations.command.invitation;

import java.time.Instant;

/** A resend refused because the invitation was sent as often in the last 24 hours as its org allows. */
public class SendLimitReached extends InvitationRejected {

    private final Instant nextSendAllowedAt;

    public SendLimitReached(int maxSendsPerDay, Instant nextSendAllowedAt) {
        super(Reason.SEND_LIMIT_REACHED, "the invitation was sent " + maxSendsPerDay
                + " times in the last 24 hours, as often as its org allows; it may be sent again at " + nextSendAllowedAt);
        this.nextSendAllowedAt = nextSendAllowedAt;
    }

    /** When the oldest of those sends leaves the 24 hours: what {@code Retry-After} answers. */
    public Instant nextSendAllowedAt() {
        return nextSendAllowedAt;
    }
}
