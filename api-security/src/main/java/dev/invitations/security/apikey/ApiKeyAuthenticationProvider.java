package dev.invitations.security.apikey;

import dev.invitations.api.apikey.ApiKeys;
import dev.invitations.problem.StorageFailures;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates {@code Authorization: Bearer inv_...}: the key's keyed hash is looked up in {@link MongoApiKeys}
 * (a found key is trusted for {@code invitations.api-keys.cache-for}, at most 1 s, so a revocation is in force on
 * every instance within it) and its use remembered for {@code lastUsedTime}. A malformed, unknown or revoked key is
 * an invalid bearer token (401); a key that cannot be looked up because MongoDB is unreachable is
 * {@link StorageUnreachable} (503, not a 401 that would tell the client its key is gone). Neither the key nor its
 * hash is in any message.
 */
public class ApiKeyAuthenticationProvider implements AuthenticationProvider {

    private static final int MAX_CACHED = 10_000;

    private record Cached(StoredApiKey key, Instant until) {
    }

    private final ApiKeys apiKeys;
    private final MongoApiKeys stored;
    private final ApiKeyUses uses;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Cached> recent = new ConcurrentHashMap<>();

    public ApiKeyAuthenticationProvider(ApiKeys apiKeys, MongoApiKeys stored, ApiKeyUses uses, Duration cacheFor,
                                        Clock clock) {
        this.apiKeys = apiKeys;
        this.stored = stored;
        this.uses = uses;
        this.cacheFor = cacheFor;
        this.clock = clock;
    }

    /** Whether a bearer token is meant as an API key rather than a JWT. */
    public static boolean isApiKey(String token) {
        return token != null && token.startsWith(ApiKeys.KEY_PREFIX);
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String token = ((BearerTokenAuthenticationToken) authentication).getToken();
        if (!ApiKeys.isWellFormed(token)) {
            throw new InvalidBearerTokenException("malformed API key");
        }
        String hash = apiKeys.hash(token);
        StoredApiKey key = lookUp(hash).orElseThrow(() -> new InvalidBearerTokenException("unknown or revoked API key"));
        uses.record(hash, clock.instant());
        var caller = new ApiKeyAuthentication(key.keyId(), key.orgId(), new HashSet<>(key.scopes()));
        caller.setDetails(authentication.getDetails());
        return caller;
    }

    private Optional<StoredApiKey> lookUp(String hash) {
        Instant now = clock.instant();
        Cached cached = recent.get(hash);
        if (cached != null && now.isBefore(cached.until())) {
            return Optional.of(cached.key());
        }
        Optional<StoredApiKey> found;
        try {
            found = stored.findByHash(hash);
        } catch (RuntimeException failure) {
            if (StorageFailures.isUnreachable(failure)) {
                throw new StorageUnreachable(failure);
            }
            throw failure;
        }
        if (found.isEmpty()) {
            recent.remove(hash);
        } else if (!cacheFor.isZero()) {
            if (recent.size() >= MAX_CACHED) {
                recent.clear();
            }
            recent.put(hash, new Cached(found.get(), now.plus(cacheFor)));
        }
        return found;
    }

    /** The key could not be looked up: storage is unreachable. */
    public static final class StorageUnreachable extends OAuth2AuthenticationException {

        StorageUnreachable(Throwable cause) {
            super(new OAuth2Error(OAuth2ErrorCodes.TEMPORARILY_UNAVAILABLE), "API keys' storage unreachable", cause);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return BearerTokenAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
