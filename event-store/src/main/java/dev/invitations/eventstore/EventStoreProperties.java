package dev.invitations.eventstore;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * {@code invitations.event-store.*}.
 *
 * @param maxGapOffset how many positions behind the newest event it has seen a tracking processor still waits for a
 *                     missing one: a writer takes its events' positions before it inserts them, so commits land out
 *                     of order, and a position whose writer failed stays missing for good. An event committed later
 *                     than this would be skipped, so keep it generous.
 * @param availabilityCheck how often a pooled processor's stream is checked, in memory, for events to hand it: how
 *                          soon it sees one (without the check, it looks again only every 500 ms)
 * @param storageTimeout how long a request waits for an unreachable MongoDB before it fails (and is answered with
 *                       503), whatever the connection string says: a client should get an answer, not a hang
 * @param cachedEvents how many of the newest events the event store keeps in memory for the processors that tail it
 *                     (Axon's default is 10,000, which held tens of megabytes of heap); a processor further behind
 *                     reads from the storage instead
 */
@ConfigurationProperties("invitations.event-store")
public record EventStoreProperties(@DefaultValue("10000") int maxGapOffset,
                                   @DefaultValue("10ms") Duration availabilityCheck,
                                   @DefaultValue("3s") Duration storageTimeout,
                                   @DefaultValue("1000") int cachedEvents) {
}
