package dev.invitations.api.invitation;

/**
 * An event of an invitation's history: what a subscriber in another service reads. Every one names its invitation
 * and the org it belongs to; the permitted records are all there are, so a reader can tell that it handles each.
 * <p>
 * The records' class names are their stored type names: a record is never renamed or moved, and a change of its shape
 * gets a new {@code @Revision} and an upcaster.
 */
public sealed interface InvitationEvent permits InvitationCreated, InvitationAccepted, InvitationDeclined,
        InvitationExpired, InvitationResent, InvitationRevoked, InvitationUpdated, InvitationEmailSent,
        InvitationEmailFailed, PersonalDataErased {

    String invitationId();

    String orgId();
}
