package dev.invitations.command.invitation;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.org.OrgId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/**
 * Invite {@code invitedEmail} to {@code orgId} with {@code role}. The caller chooses the id so that the answer can
 * name it. {@code actor} is the authenticated caller, never a field of the request body.
 */
public record CreateInvitation(
        @TargetAggregateIdentifier String invitationId,
        OrgId orgId,
        EmailAddress invitedEmail,
        String role,
        String inviter,
        Instant expirationTime,
        boolean disableInvitationEmail,
        Map<String, String> labels,
        String actor) {
}
