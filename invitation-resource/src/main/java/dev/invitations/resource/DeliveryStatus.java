package dev.invitations.resource;

/** What became of the invitation email of the current send. */
public enum DeliveryStatus {
    /** Waiting for the SMTP server to take it. */
    QUEUED,
    SENT,
    /** Retries ran out; the last error is kept. */
    FAILED,
    /** The creator asked for no email ({@code disableInvitationEmail}). */
    SUPPRESSED
}
