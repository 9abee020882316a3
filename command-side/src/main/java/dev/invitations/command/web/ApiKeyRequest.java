package dev.invitations.command.web;

import dev.invitations.command.apikey.ApiKeyScopes;

import java.util.List;
import java.util.Set;

/** The body of {@code POST /v1/orgs/{orgId}/apiKeys}. Unknown fields are ignored. */
record ApiKeyRequest(String name, List<String> scopes) {

    private static final int MAX_NAME = 100;

    /** Checks the fields into {@code check}: the scopes against those of the caller, {@code creatorScopes}. */
    void check(RequestCheck check, Set<String> creatorScopes) {
        check.require(name != null, "name", "is required");
        check.name("name", name, MAX_NAME);
        for (var violation : ApiKeyScopes.check(scopes, creatorScopes)) {
            check.require(false, violation.index() < 0 ? "scopes" : "scopes[" + violation.index() + "]",
                    violation.message());
        }
    }
}
