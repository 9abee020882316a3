package dev.invitations.query.invitation;

import dev.invitations.resource.InvitationResource;

/**
 * An invitation as the view has it.
 *
 * @param reachedMinVersion false when the caller asked for a version the view had not reached in time
 */
public record VersionedInvitation(InvitationResource view, boolean reachedMinVersion) {
}
