package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** An invitation was created; its first email is due unless {@code disableInvitationEmail}. */
@Revision("2")
public record InvitationCreated(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        String role,
        String inviter,
        Map<String, String> labels,
        boolean disableInvitationEmail,
        String tokenHash,
        Instant expirationTime,
        String createdBy,
        Instant createTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
