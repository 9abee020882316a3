package dev.invitations.command.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.invitations.resource.InvitationResource;

/**
 * The answer to create and resend: the invitation plus its link and token. This is the only place a plaintext
 * token is ever written, and it is computed for the answer, never stored.
 */
record IssuedInvitation(@JsonUnwrapped InvitationResource invitation, String invitationUri, String invitationToken) {

    /** Without the link and token: response bodies reach debug logs. */
    @Override
    public String toString() {
        return "IssuedInvitation[id=" + invitation.getId() + ", link and token hidden]";
    }
}
