package dev.invitations.api.invitation;

import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An invitation was created; its first email is due unless {@code disableInvitationEmail}, written in {@code locale}
 * and naming the org by {@code orgDisplayName} (its settings' display name then; null if it had none).
 * {@code redirectUrl} (validated against the org's settings) and {@code metadata} (the caller's JSON object, given back
 * on accept) may be null. Revision 2 had a single {@code role}: {@link InvitationUpcasters} reads it as this one.
 */
@Revision("3")
public record InvitationCreated(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        List<String> roles,
        String inviter,
        Map<String, String> labels,
        boolean disableInvitationEmail,
        String tokenHash,
        Instant expirationTime,
        String locale,
        String orgDisplayName,
        String redirectUrl,
        @PersonalData Map<String, Object> metadata,
        String createdBy,
        Instant createTime) implements InvitationEvent, HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return DataSubject.of(orgId, invitedEmail);
    }
}
