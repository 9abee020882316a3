package dev.invitations.security;

import dev.invitations.security.apikey.ApiKeyAuthentication;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A caller as the org rules see it, whatever authenticated it: the orgs it may act on ({@code "*"}: every org) and
 * the permissions it holds. A bearer JWT names them in its {@code orgs} and {@code scope} claims; an API key is of one
 * org and holds its own scopes.
 *
 * @param name   who is recorded as the actor: the JWT's {@code sub}, or {@code apikey:<id>}
 * @param orgs   the orgs it may act on
 * @param scopes the permissions it holds
 */
public record OrgCaller(String name, Set<String> orgs, Set<String> scopes) {

    private static final String ALL_ORGS = "*";
    private static final String SCOPE = "SCOPE_";

    public OrgCaller {
        orgs = Set.copyOf(orgs);
        scopes = Set.copyOf(scopes);
    }

    /** The caller behind {@code authentication}; empty for none, an anonymous one, or one of no org. */
    public static Optional<OrgCaller> of(Authentication authentication) {
        if (authentication instanceof ApiKeyAuthentication key) {
            return Optional.of(new OrgCaller(key.getName(), Set.of(key.orgId()), key.scopes()));
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            Object orgs = jwt.getToken().getClaims().get("orgs");
            Collection<?> allowed = orgs instanceof Collection<?> list ? list : orgs == null ? List.of() : List.of(orgs);
            Set<String> scopes = jwt.getAuthorities().stream()
                    .map(authority -> authority.getAuthority())
                    .filter(authority -> authority.startsWith(SCOPE))
                    .map(authority -> authority.substring(SCOPE.length()))
                    .collect(Collectors.toSet());
            return Optional.of(new OrgCaller(jwt.getName(),
                    allowed.stream().map(String::valueOf).collect(Collectors.toSet()), scopes));
        }
        return Optional.empty();
    }

    public boolean mayActOn(String orgId) {
        return orgs.contains(ALL_ORGS) || orgs.contains(orgId);
    }

    public boolean holds(String permission) {
        return scopes.contains(permission);
    }
}
