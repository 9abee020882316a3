package dev.invitations.query.invitation;

import dev.invitations.resource.InvitationState;

import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A page of an org's invitations, newest first: the list parameters of the contract, already validated.
 *
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
        boolean includeTotal) {
}
