package dev.invitations.query.invitation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.resource.CurrentTokenHash;
import dev.invitations.resource.InvitationResource;

/**
 * A document of the {@code invitations} view: the invitation resource, its version, and the keyed hash of its current
 * token, which a lookup by token compares and no client sees, and the normalised invited email, which keys the
 * signed-in invitee's list. Its fields are the document's fields (the resource's, {@code tokenHash} and
 * {@code inviteeEmail}), the names the views stored by earlier releases have too.
 */
class InvitationDocument extends InvitationResource {

    static final String INVITEE_EMAIL = "inviteeEmail";

    private String tokenHash;
    /**
     * The invited email normalised ({@link EmailAddress#normalized()}), which the signed-in invitee's list is keyed
     * by; null once erased. Views stored before it existed have none until a rebuild.
     */
    private String inviteeEmail;

    @Override
    public boolean apply(Object event, long sequence) {
        if (!super.apply(event, sequence)) {
            return false;
        }
        tokenHash = CurrentTokenHash.after(event, tokenHash);
        inviteeEmail = getInvitedEmail() == null ? null : new EmailAddress(getInvitedEmail()).normalized();
        return true;
    }

    @JsonIgnore
    String getTokenHash() {
        return tokenHash;
    }
}
