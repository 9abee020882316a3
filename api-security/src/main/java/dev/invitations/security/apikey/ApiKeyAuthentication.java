package dev.invitations.security.apikey;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.Set;

/**
 * A request authenticated by an API key: it acts in the key's one org with the key's scopes (as {@code SCOPE_...}
 * authorities, as a JWT's scopes are), and is recorded as {@code apikey:<key id>}. It carries neither the key nor its
 * hash.
 */
public final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /** What an API key caller's name begins with. */
    public static final String ACTOR_PREFIX = "apikey:";

    private final String keyId;
    private final String orgId;
    private final Set<String> scopes;

    public ApiKeyAuthentication(String keyId, String orgId, Set<String> scopes) {
        super(scopes.stream().map(scope -> new SimpleGrantedAuthority("SCOPE_" + scope)).toList());
        this.keyId = keyId;
        this.orgId = orgId;
        this.scopes = Set.copyOf(scopes);
        setAuthenticated(true);
    }

    public String keyId() {
        return keyId;
    }

    public String orgId() {
        return orgId;
    }

    public Set<String> scopes() {
        return scopes;
    }

    @Override
    public String getName() {
        return ACTOR_PREFIX + keyId;
    }

    @Override
    public Object getCredentials() {
        return "";
    }

    @Override
    public Object getPrincipal() {
        return getName();
    }
}
