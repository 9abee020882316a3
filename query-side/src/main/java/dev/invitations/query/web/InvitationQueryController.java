package dev.invitations.query.web;

import dev.invitations.query.invitation.FindInvitations;
import dev.invitations.query.invitation.HistoryEntry;
import dev.invitations.query.invitation.InvitationLookup;
import dev.invitations.query.invitation.InvitationPage;
import dev.invitations.query.invitation.InvitationQueries;
import dev.invitations.resource.InvitationResource;
import dev.invitations.resource.InvitationState;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The invitation reads of the contract: list, get, history, and the invitee's lookup by token. */
@RestController
class InvitationQueryController {

    /** Set on a {@code minVersion} read: false when the view had not reached that version in time. */
    static final String MIN_VERSION_REACHED = "Min-Version-Reached";
    private static final Pattern LABEL = Pattern.compile("([a-z0-9_-]{1,63}):(.{0,256})");

    private final InvitationQueries queries;

    InvitationQueryController(InvitationQueries queries) {
        this.queries = queries;
    }

    record History(List<HistoryEntry> events) {
    }

    @GetMapping("/v1/orgs/{orgId}/invitations")
    InvitationPage list(@PathVariable String orgId,
                        @RequestParam(name = "state", required = false) List<String> states,
                        @RequestParam(required = false) String email,
                        @RequestParam(required = false) String role,
                        @RequestParam(required = false) String creator,
                        @RequestParam(name = "label", required = false) List<String> labels,
                        @RequestParam(name = "created_after", required = false) String createdAfter,
                        @RequestParam(name = "created_before", required = false) String createdBefore,
                        @RequestParam(required = false) String limit,
                        @RequestParam(name = "starting_after", required = false) String startingAfter,
                        @RequestParam(name = "ending_before", required = false) String endingBefore,
                        @RequestParam(name = "include_total", required = false) String includeTotal) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        var find = new FindInvitations(orgId,
                statesOf(states, parameters),
                parameters.text("email", email), parameters.text("role", role), parameters.text("creator", creator),
                labelsOf(labels, parameters),
                parameters.instant("created_after", createdAfter),
                parameters.instant("created_before", createdBefore),
                parameters.intIn("limit", limit, 10, 1, 100),
                startingAfter, endingBefore,
                Boolean.TRUE.equals(parameters.parsed("include_total", includeTotal == null ? "false" : includeTotal,
                        QueryParameters::strictBoolean, "must be true or false")), null);
        if (startingAfter != null && endingBefore != null) {
            parameters.violation("ending_before", "cannot be combined with starting_after");
        }
        parameters.check();
        return queries.list(find);
    }

    @GetMapping("/v1/orgs/{orgId}/invitations/{id}")
    ResponseEntity<InvitationResource> get(@PathVariable String orgId, @PathVariable String id,
                                           @RequestParam(required = false) String minVersion) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        Long version = parameters.minVersion(minVersion);
        parameters.check();
        var found = queries.get(orgId, id, version).orElseThrow(NotFoundException::new);
        var response = ResponseEntity.ok().eTag("\"" + found.view().getVersion() + "\"");
        if (version != null) {
            response.header(MIN_VERSION_REACHED, Boolean.toString(found.reachedMinVersion()));
        }
        return response.body(found.view());
    }

    @GetMapping("/v1/orgs/{orgId}/invitations/{id}/history")
    History history(@PathVariable String orgId, @PathVariable String id) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        parameters.check();
        return new History(queries.history(orgId, id).orElseThrow(NotFoundException::new));
    }

    @GetMapping("/v1/invitations:lookup")
    ResponseEntity<InvitationLookup> lookup(@RequestParam(required = false) String token) {
        if (token == null || token.isBlank()) {
            var parameters = new QueryParameters();
            parameters.violation("token", "is required");
            parameters.check();
        }
        // the answer depends on a secret: no cache may keep it
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(queries.lookup(token).orElseThrow(NotFoundException::new));
    }

    private static Set<InvitationState> statesOf(List<String> states, QueryParameters parameters) {
        if (states == null || states.isEmpty()) {
            return EnumSet.of(InvitationState.PENDING);
        }
        Set<InvitationState> chosen = EnumSet.noneOf(InvitationState.class);
        for (String state : states) {
            if (state.equals("ALL")) {
                chosen.addAll(EnumSet.allOf(InvitationState.class));
            } else {
                InvitationState known = parameters.parsed("state", state, InvitationState::valueOf,
                        "must be ALL or one of " + EnumSet.allOf(InvitationState.class));
                if (known != null) {
                    chosen.add(known);
                }
            }
        }
        return chosen;
    }

    private static Map<String, String> labelsOf(List<String> labels, QueryParameters parameters) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (String label : labels == null ? List.<String>of() : labels) {
            var matcher = LABEL.matcher(label);
            if (matcher.matches()) {
                wanted.put(matcher.group(1), matcher.group(2));
            } else {
                parameters.violation("label", "must be key:value, the key 1-63 of [a-z0-9_-]");
            }
        }
        return wanted;
    }
}
