package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** An admin withdrew the pending invitation; its token no longer works. */
@Revision("2")
public record InvitationRevoked(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        String reason,
        String revokedBy,
        Instant revokeTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
