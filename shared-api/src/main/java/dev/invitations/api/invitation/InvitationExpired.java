package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The invitation reached its expiry while pending; a resend makes it pending again. */
@Revision("2")
public record InvitationExpired(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        Instant expireTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
