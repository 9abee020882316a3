package dev.invitations.query.web;

import dev.invitations.query.apikey.ApiKeyQueries;
import dev.invitations.query.apikey.ApiKeyQueries.ListedApiKey;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The list of an org's API keys in force (creating and revoking them is the command side's). */
@RestController
class ApiKeyQueryController {

    private final ApiKeyQueries queries;

    ApiKeyQueryController(ApiKeyQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/v1/orgs/{orgId}/apiKeys")
    ResponseEntity<ApiKeyList> list(@PathVariable String orgId) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        parameters.check();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new ApiKeyList(queries.ofOrg(orgId)));
    }

    record ApiKeyList(List<ListedApiKey> apiKeys) {
    }
}
