package dev.invitations.query.invitation;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.resource.InvitationState;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A page of an org's invitations, or of those addressed to one invitee in every org, newest first: the list
 * parameters of the contract, already validated.
 *
 * @param orgId          the org whose invitations to list; null for an invitee's
 * @param invitee        the normalised email whose invitations to list ({@link EmailAddress#normalized()}); null for
 *                       an org's
 * @param states         the states to include (never empty: {@code ALL} is every state)
 * @param email          matched case-insensitively; null for any
 * @param createdAfter   exclusive; null for no bound
 * @param createdBefore  exclusive; null for no bound
 * @param startingAfter  the {@code next} cursor of the previous page, or null
 * @param endingBefore   the {@code prev} cursor of the following page, or null (at most one of the two)
 */
public record FindInvitations(
        String orgId,
        Set<InvitationState> states,
        String email,
        String role,
        String creator,
        Map<String, String> labels,
        Instant createdAfter,
        Instant createdBefore,
        int limit,
        String startingAfter,
        String endingBefore,
        boolean includeTotal,
        String invitee) {

    /** The pending invitations addressed to {@code invitee} in every org: what the signed-in invitee lists. */
    public static FindInvitations pendingFor(EmailAddress invitee, int limit, String startingAfter,
                                             String endingBefore) {
        return new FindInvitations(null, Set.of(InvitationState.PENDING), null, null, null, Map.of(), null, null, limit,
                startingAfter, endingBefore, false, invitee.normalized());
    }

    /**
     * What a cursor of this list is bound to: the org, or the invitee (an org id holds no colon); one list's cursor
     * means nothing to another.
     */
    String scope() {
        return orgId != null ? orgId : "invitee:" + invitee;
    }
}
