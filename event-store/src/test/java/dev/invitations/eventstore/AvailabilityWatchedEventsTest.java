package dev.invitations.eventstore;

import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventsourcing.eventstore.EmbeddedEventStore;
import org.axonframework.eventsourcing.eventstore.inmemory.InMemoryEventStorageEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A pooled processor's stream calls back once events are there, which the embedded event store's own cannot. */
class AvailabilityWatchedEventsTest {

    private final EmbeddedEventStore eventStore = EmbeddedEventStore.builder()
            .storageEngine(new InMemoryEventStorageEngine()).build();
    private final AvailabilityWatchedEvents events = new AvailabilityWatchedEvents(eventStore, Duration.ofMillis(5));

    @AfterEach
    void close() {
        events.close();
        eventStore.shutDown();
    }

    @Test
    void theStreamCallsBackWhenAnEventArrivesAndHandsItOver() throws Exception {
        var stream = events.openStream(events.createTailToken());
        var callbacks = new AtomicInteger();

        assertThat(eventStore.openStream(null).setOnAvailableCallback(() -> { })).isFalse();
        assertThat(stream.setOnAvailableCallback(callbacks::incrementAndGet)).isTrue();
        assertThat(stream.hasNextAvailable()).isFalse();
        assertThat(callbacks).hasValue(0);

        eventStore.publish(GenericEventMessage.asEventMessage("happened"));

        await().until(() -> callbacks.get() > 0);
        TrackedEventMessage<?> event = stream.nextAvailable();
        assertThat(event.getPayload()).isEqualTo("happened");
        stream.close();
    }
}
