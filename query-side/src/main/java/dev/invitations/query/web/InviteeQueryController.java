package dev.invitations.query.web;

import dev.invitations.query.invitation.FindInvitations;
import dev.invitations.query.invitation.InvitationPage;
import dev.invitations.query.invitation.InvitationQueries;
import dev.invitations.resource.InvitationResource;
import dev.invitations.security.VerifiedInvitee;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

/**
 * The reads of the invitee signed in with a verified email ({@code /v1/me}): the pending invitations addressed to
 * that email in every org, paged like an org's list.
 */
@RestController
class InviteeQueryController {

    private final InvitationQueries queries;

    InviteeQueryController(InvitationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/me/invitations")
    MyInvitations list(Authentication caller,
                       @RequestParam(required = false) String limit,
                       @RequestParam(name = "starting_after", required = false) String startingAfter,
                       @RequestParam(name = "ending_before", required = false) String endingBefore) {
        var parameters = new QueryParameters();
        int size = parameters.intIn("limit", limit, 10, 1, 100);
        if (startingAfter != null && endingBefore != null) {
            parameters.violation("ending_before", "cannot be combined with starting_after");
        }
        parameters.check();
        InvitationPage page = queries.list(FindInvitations.pendingFor(VerifiedInvitee.requireEmailOf(caller), size,
                startingAfter, endingBefore));
        return new MyInvitations(page.invitations().stream().map(MyInvitation::of).toList(), page.next(),
                page.prev());
    }

    /** What the invitee sees of an invitation to them before answering it. */
    record MyInvitation(String id, String orgId, String orgDisplayName, List<String> roles, String inviter,
                        Instant expirationTime, String locale) {

        static MyInvitation of(InvitationResource view) {
            return new MyInvitation(view.getId(), view.getOrgId(), view.getOrgDisplayName(), view.getRoles(),
                    view.getInviter(), view.getExpirationTime(), view.getLocale());
        }
    }

    record MyInvitations(List<MyInvitation> invitations, String next, String prev) {
    }
}
