package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The SMTP server took the invitation email of send number {@code sendCount} after {@code attempts} attempts. */
@Revision("2")
public record InvitationEmailSent(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        int sendCount,
        int attempts,
        Instant sentTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
