package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * An attempt to send the invitation email of send number {@code sendCount} failed with {@code error} (the SMTP
 * server's answer, or why it could not be reached). The invitation itself stays as it was: it can still be accepted
 * with a link the invitee has, and resent.
 *
 * @param retrying whether another attempt follows; false when the attempts ran out (delivery FAILED)
 */
@Revision("2")
public record InvitationEmailFailed(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        int sendCount,
        int attempts,
        @PersonalData String error,
        boolean retrying,
        Instant failTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
