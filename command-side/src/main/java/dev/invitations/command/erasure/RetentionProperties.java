package dev.invitations.command.erasure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * @param eraseAfter    how long after a person's last invitation in an org ended (accepted, declined, revoked,
 *                      expired) their personal data there is erased; unset (the default) keeps it until an erasure is
 *                      asked for
 * @param checkInterval how often the retention job looks for such people
 * @param lease         how long one instance holds the job: another takes over once a holder died this long ago
 */
@ConfigurationProperties("invitations.retention")
public record RetentionProperties(
        Duration eraseAfter,
        @DefaultValue("PT1H") Duration checkInterval,
        @DefaultValue("PT10M") Duration lease) {
}
