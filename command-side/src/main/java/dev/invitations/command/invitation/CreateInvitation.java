package dev.invitations.command.invitation;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.invitation.Roles;
import dev.invitations.api.org.OrgId;
import dev.invitations.command.settings.OrgPolicy;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.net.URI;
import java.time.Instant;
import java.util.Map;

/**
 * Invite {@code invitedEmail} to {@code orgId} with {@code roles} (none: the org's default roles). The caller chooses
 * the id so that the answer can name it. {@code actor} is the authenticated caller, never a field of the request body.
 * {@code locale} (null: the org's, else en), {@code redirectUrl} and {@code metadata} may be null. {@code policy} is
 * the org's as its settings stood when the request came: what the create obeys.
 */
public record CreateInvitation(
        @TargetAggregateIdentifier String invitationId,
        OrgId orgId,
        EmailAddress invitedEmail,
        Roles roles,
        String inviter,
        Instant expirationTime,
        boolean disableInvitationEmail,
        Map<String, String> labels,
        String locale,
        URI redirectUrl,
        Map<String, Object> metadata,
        OrgPolicy policy,
        String actor) {
}
