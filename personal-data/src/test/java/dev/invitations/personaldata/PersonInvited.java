package dev.invitations.personaldata;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Revision;

import java.util.Map;

/** An event of the tests with two personal fields, a string and a map, and plain ones. */
@Revision("2")
record PersonInvited(
        String invitationId,
        String orgId,
        @PersonalData String invitedEmail,
        @PersonalData Map<String, String> metadata) implements HoldsPersonalData {

    @Override
    public DataSubject dataSubject() {
        return invitedEmail == null ? null : new DataSubject(orgId, new EmailAddress(invitedEmail));
    }
}
