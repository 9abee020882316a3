package dev.invitations.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code invitations.rate-limit.*}: how many requests a caller may make per period before answers turn 429.
 *
 * @param perCaller        requests per period for each authenticated caller (the token's {@code sub})
 * @param perClientAddress requests per period for each client address on the calls that need no bearer token
 *                         (accept, decline, lookup, the invitee's page)
 * @param period           the window the limits refill over, steadily
 */
@ConfigurationProperties("invitations.rate-limit")
public record RateLimitProperties(@DefaultValue("1200") long perCaller,
                                  @DefaultValue("120") long perClientAddress,
                                  @DefaultValue("PT1M") Duration period) {
}
