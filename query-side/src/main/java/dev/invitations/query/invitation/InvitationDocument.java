package dev.invitations.query.invitation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import dev.invitations.resource.CurrentTokenHash;
import dev.invitations.resource.InvitationResource;

/**
 * A document of the {@code invitations} view: the invitation resource, its version, and the keyed hash of its current
 * token, which a lookup by token compares and no client sees. Its fields are the document's fields (the resource's
 * and {@code tokenHash}), the names the views stored by earlier releases have too.
 */
class InvitationDocument extends InvitationResource {

    private String tokenHash;

    @Override
    public boolean apply(Object event, long sequence) {
        if (!super.apply(event, sequence)) {
            return false;
        }
        tokenHash = CurrentTokenHash.after(event, tokenHash);
        return true;
    }

    @JsonIgnore
    String getTokenHash() {
        return tokenHash;
    }
}
