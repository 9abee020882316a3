package dev.invitations.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code invitations.event-store.*}.
 *
 * @param lookBack how far behind its newest event a tracking processor looks again for events committed late by
 *                 another writer. A Mongo tracking token is a timestamp: an event that lands later than this behind
 *                 the clock of another writer would be skipped for good, so keep it generous.
 * @param storageTimeout how long a request waits for an unreachable MongoDB before it fails (and is answered with
 *                       503), whatever the connection string says: a client should get an answer, not a hang
 */
@ConfigurationProperties("invitations.event-store")
public record EventStoreProperties(@DefaultValue("5s") Duration lookBack,
                                   @DefaultValue("3s") Duration storageTimeout) {
}
