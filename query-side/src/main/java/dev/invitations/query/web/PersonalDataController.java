package dev.invitations.query.web;

import dev.invitations.query.invitation.InvitationQueries;
import dev.invitations.query.invitation.InvitationWithHistory;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The right of access: everything the service holds about one person in an org, with every invitation's history. */
@RestController
class PersonalDataController {

    private final InvitationQueries queries;

    PersonalDataController(InvitationQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/orgs/{orgId}/personalData")
    PersonalData personalData(@PathVariable String orgId, @RequestParam(required = false) String email) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        String address = parameters.requiredEmail(email);
        parameters.check();
        return new PersonalData(queries.personalData(orgId, address));
    }

    /** Every invitation of the person in the org, oldest first. */
    record PersonalData(List<InvitationWithHistory> invitations) {
    }
}
