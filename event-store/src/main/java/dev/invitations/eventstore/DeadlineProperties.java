package dev.invitations.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code invitations.deadlines.*}: how {@link MongoDeadlineManager} fires deadlines.
 *
 * @param pollInterval how often an instance looks for due deadlines: how late after its time a deadline may fire
 * @param lease        how long a claimed deadline is left to its instance before another may fire it again
 * @param retryDelay   how soon a deadline whose handler failed fires again
 */
@ConfigurationProperties("invitations.deadlines")
public record DeadlineProperties(@DefaultValue("200ms") Duration pollInterval,
                                 @DefaultValue("1m") Duration lease,
                                 @DefaultValue("10s") Duration retryDelay) {
}
