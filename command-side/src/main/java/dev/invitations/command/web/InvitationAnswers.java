package dev.invitations.command.web;

import dev.invitations.api.token.InvitationTokens;
import dev.invitations.command.config.InvitationsProperties;
import dev.invitations.command.invitation.InvitationRejected;
import dev.invitations.command.invitation.InvitationRejected.Reason;
import dev.invitations.command.storage.InvitationStreams;
import dev.invitations.command.storage.InvitationStreams.CurrentInvitation;
import dev.invitations.resource.InvitationResource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;

import java.security.Principal;

/**
 * How the command API answers: with the invitation as its events now say it is (read from the event store, so the
 * answer never lags behind the write; a create answers from its creation event instead, which needs no read), its
 * version as the ETag, and for create and resend its link and token.
 */
@Component
class InvitationAnswers {

    private final InvitationStreams invitations;
    private final InvitationTokens tokens;
    private final InvitationsProperties properties;

    InvitationAnswers(InvitationStreams invitations, InvitationTokens tokens, InvitationsProperties properties) {
        this.invitations = invitations;
        this.tokens = tokens;
        this.properties = properties;
    }

    CurrentInvitation current(String id) {
        return invitations.find(id).orElseThrow(() -> new InvitationRejected(Reason.NOT_FOUND, "no such invitation"));
    }

    /** The invitation with the link and token of its latest send, recomputed: no plaintext token is kept. */
    IssuedInvitation issued(CurrentInvitation invitation) {
        var resource = invitation.resource();
        String token = tokens.issue(resource.getId(), resource.getSendCount(), invitation.tokenHash());
        return new IssuedInvitation(resource, properties.acceptUrlBase() + "?token=" + token, token);
    }

    ResponseEntity<InvitationResource> ok(String id) {
        var invitation = current(id).resource();
        return ResponseEntity.ok().eTag(versionOf(invitation)).body(invitation);
    }

    static String versionOf(InvitationResource invitation) {
        return String.valueOf(invitation.getVersion());
    }

    /** The authenticated caller's subject ({@code sub}), recorded as creator or updater. */
    static String actorOf(Principal caller) {
        return caller != null ? caller.getName() : "anonymous";
    }
}
