package dev.invitations.query.web;

import dev.invitations.query.settings.OrgSettingsQueries;
import dev.invitations.resource.OrgSettingsResource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import static dev.invitations.query.web.InvitationQueryController.MIN_VERSION_REACHED;

/** The reads of an org's settings: the settings (the defaults for an org that never changed them) and their history. */
@RestController
class OrgSettingsQueryController {

    private final OrgSettingsQueries queries;

    OrgSettingsQueryController(OrgSettingsQueries queries) {
        this.queries = queries;
    }

    /** With {@code minVersion}, waits as an invitation's get does for the view to reach that version. */
    @GetMapping("/v1/orgs/{orgId}/settings")
    ResponseEntity<OrgSettingsResource> get(@PathVariable String orgId,
                                            @RequestParam(required = false) String minVersion) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        Long version = parameters.minVersion(minVersion);
        parameters.check();
        var found = queries.get(orgId, version);
        var response = ResponseEntity.ok().eTag("\"" + found.version() + "\"");
        if (version != null) {
            response.header(MIN_VERSION_REACHED, Boolean.toString(found.reachedMinVersion()));
        }
        return response.body(found.settings());
    }

    /** Shaped as an invitation's history; no changes yet is an empty history, not a 404. */
    @GetMapping("/v1/orgs/{orgId}/settings/history")
    InvitationQueryController.History history(@PathVariable String orgId) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        parameters.check();
        return new InvitationQueryController.History(queries.history(orgId));
    }
}
