package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The invitee accepted: a membership service grants {@code role} in {@code orgId} to {@code invitedEmail}. */
@Revision("2")
public record InvitationAccepted(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        String role,
        @PersonalData String acceptedBy,
        Instant acceptTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
