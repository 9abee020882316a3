package dev.invitations.resource;

/** Where an invitation stands. Only PENDING invitations can be accepted, declined, revoked or updated. */
public enum InvitationState {
    PENDING, ACCEPTED, DECLINED, REVOKED, EXPIRED
}
