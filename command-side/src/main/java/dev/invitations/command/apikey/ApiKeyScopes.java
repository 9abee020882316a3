package dev.invitations.command.apikey;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules of a key's scopes: 1 to {@value #MAX} distinct org permissions of the contract, each held by the caller
 * creating the key, so that a key never grants more than its creator could do.
 */
public final class ApiKeyScopes {

    public static final int MAX = 5;
    /** The org permissions a key may hold; never {@code invitations.admin}. */
    public static final List<String> ORG_PERMISSIONS = List.of("org.user.invite", "org.user.read",
            "org.settings.manage", "org.integrations.manage", "org.privacy.manage");

    private ApiKeyScopes() {
    }

    /** A violation of one scope, {@code index} -1 for the list as a whole. */
    public record Violation(int index, String message) {
    }

    /** What is wrong with {@code scopes} asked for by a caller holding {@code creatorScopes}; empty when nothing. */
    public static List<Violation> check(List<String> scopes, Set<String> creatorScopes) {
        List<Violation> violations = new ArrayList<>();
        if (scopes == null || scopes.isEmpty() || scopes.size() > MAX) {
            violations.add(new Violation(-1, "must hold 1 to " + MAX + " scopes"));
            if (scopes == null) {
                return violations;
            }
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < scopes.size(); i++) {
            String scope = scopes.get(i);
            if (scope == null || !ORG_PERMISSIONS.contains(scope)) {
                violations.add(new Violation(i, "must be one of " + String.join(", ", ORG_PERMISSIONS)));
            } else if (!seen.add(scope)) {
                violations.add(new Violation(i, "repeats an earlier entry"));
            } else if (!creatorScopes.contains(scope)) {
                violations.add(new Violation(i, "is not held by the caller: a key's scopes never exceed its creator's"));
            }
        }
        return violations;
    }
}
