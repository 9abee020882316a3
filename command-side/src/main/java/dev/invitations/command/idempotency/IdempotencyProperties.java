package dev.invitations.command.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param retention      how long an {@code Idempotency-Key} and its answer are kept
 * @param inProgressWait how long a repeat waits for the first request with its key to finish
 */
@ConfigurationProperties("invitations.idempotency")
public record IdempotencyProperties(@DefaultValue("P1D") Duration retention,
                                    @DefaultValue("PT10S") Duration inProgressWait) {
}
