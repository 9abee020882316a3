package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A new token was issued (send number {@code sendCount}, the previous token is superseded) with a new expiry, and
 * the email is due again, in {@code locale} and naming the org by {@code orgDisplayName} (its settings' display name
 * now; null if it has none). An EXPIRED invitation is PENDING again after this event. Revision 2 had neither of the
 * two: {@link InvitationUpcasters} reads it as this one.
 */
@Revision("3")
public record InvitationResent(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        String tokenHash,
        int sendCount,
        Instant expirationTime,
        String locale,
        String orgDisplayName,
        String resentBy,
        Instant resendTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
