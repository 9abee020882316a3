package dev.invitations.command.email;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code invitations.email.*}.
 *
 * @param from        the sender of invitation emails
 * @param maxAttempts how many times an email is tried before its delivery is FAILED
 * @param retryDelay  the wait before the second attempt; it doubles before each further one
 */
@ConfigurationProperties("invitations.email")
public record EmailProperties(
        @DefaultValue("Invitations <invitations@localhost>") String from,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("10s") Duration retryDelay) {

    /** The wait after failed attempt number {@code attempt} (1 for the first): exponential backoff. */
    public Duration delayAfter(int attempt) {
        return retryDelay.multipliedBy(1L << Math.min(attempt - 1, 20));
    }
}
