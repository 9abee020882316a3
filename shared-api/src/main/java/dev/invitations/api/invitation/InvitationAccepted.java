package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The invitee accepted: a membership service grants {@code roles} in {@code orgId} to {@code invitedEmail}, with the
 * {@code metadata} its creator attached (null if none). Revision 2 had a single {@code role}: {@link
 * InvitationUpcasters} reads it as this one.
 */
@Revision("3")
public record InvitationAccepted(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        List<String> roles,
        @PersonalData String acceptedBy,
        @PersonalData Map<String, Object> metadata,
        Instant acceptTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
