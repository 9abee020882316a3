package dev.invitations.eventstore;

import org.axonframework.eventhandling.EventData;

import java.util.List;

/**
 * Sees each batch of events a processor's stream fetched from storage, before any of them is upcast or deserialized:
 * what deserializing them one by one would look up per event (a data key, say) can be read here for the whole batch
 * in one query. Every bean of this type is told of every batch, on the thread that fetched it.
 */
@FunctionalInterface
public interface FetchedEventsListener {

    /** {@code batch} was fetched, in position order; it is not empty. */
    void beforeDeserializing(List<? extends EventData<?>> batch);
}
