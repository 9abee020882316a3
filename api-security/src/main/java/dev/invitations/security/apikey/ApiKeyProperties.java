package dev.invitations.security.apikey;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code invitations.api-keys.*}, the same on both sides.
 *
 * @param cacheFor               how long an instance trusts a key it looked up before looking again: a revoked key
 *                               still works on an instance for at most this long (0: every request looks it up);
 *                               at most 1 s, as the contract wants a revocation in force everywhere within a second
 * @param lastUsedFlushInterval  how often the keys' {@code lastUsedTime} is written, one write per key used since
 */
@ConfigurationProperties("invitations.api-keys")
public record ApiKeyProperties(@DefaultValue("PT1S") Duration cacheFor,
                               @DefaultValue("PT5S") Duration lastUsedFlushInterval) {

    private static final Duration MAX_CACHE = Duration.ofSeconds(1);

    public ApiKeyProperties {
        if (cacheFor.isNegative() || cacheFor.compareTo(MAX_CACHE) > 0) {
            throw new IllegalArgumentException("invitations.api-keys.cache-for must lie between 0 and 1 s");
        }
        if (lastUsedFlushInterval.isNegative() || lastUsedFlushInterval.isZero()) {
            throw new IllegalArgumentException("invitations.api-keys.last-used-flush-interval must be positive");
        }
    }
}
