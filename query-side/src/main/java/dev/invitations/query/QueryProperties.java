package dev.invitations.query;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code invitations.query.*}.
 *
 * @param minVersionWait    how long {@code GET .../{id}?minVersion=n} waits for the view to reach version n before
 *                          answering with what it has
 * @param eventPollInterval how soon the query side looks for new events in the event store after it found none;
 *                          it bounds how long a write takes to show in the views
 * @param exportPageSize    how many feed entries an NDJSON export reads from MongoDB at a time: what it holds in memory
 */
@ConfigurationProperties("invitations.query")
public record QueryProperties(
        @DefaultValue("5s") Duration minVersionWait,
        @DefaultValue("50ms") Duration eventPollInterval,
        @DefaultValue("500") int exportPageSize) {
}
