package dev.invitations.command.apikey;

import java.util.List;

/** A key was asked with scopes its rules refuse ({@link ApiKeyScopes#check}). */
public class ApiKeyScopesExceeded extends RuntimeException {

    private final transient List<ApiKeyScopes.Violation> violations;

    public ApiKeyScopesExceeded(List<ApiKeyScopes.Violation> violations) {
        super("the key's scopes are not allowed");
        this.violations = List.copyOf(violations);
    }

    public List<ApiKeyScopes.Violation> violations() {
        return violations;
    }
}
