package dev.invitations.command.invitation;

/**
 * The set-based rule "at most one PENDING invitation per (org, email)", which no single aggregate can check. An
 * invitation claims its (org, email) when it becomes pending and releases it when it leaves PENDING.
 */
public interface PendingEmailClaims {

    /**
     * Claims {@code email} (compared case-insensitively) in {@code orgId} for {@code invitationId}.
     *
     * @throws InvitationRejected with {@link InvitationRejected.Reason#DUPLICATE_PENDING} when another pending
     *                            invitation holds it
     */
    void claim(String orgId, String email, String invitationId);

    /** Releases the claim if {@code invitationId} holds it; anything else is left alone. */
    void release(String orgId, String email, String invitationId);
}
