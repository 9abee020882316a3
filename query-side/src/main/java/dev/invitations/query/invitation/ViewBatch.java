package dev.invitations.query.invitation;

import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.query.BatchWrites;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.UnknownSerializedType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The views one batch of events changes, written together before the batch commits and its token is stored (see
 * {@link BatchWrites}): one bulk write per batch instead of one per event is what makes a rebuild fast.
 */
final class ViewBatch {

    private final StoredInvitations views;
    private final EventStore eventStore;
    private final Map<String, InvitationDocument> inBatch = new HashMap<>();
    private final Set<String> changed = new LinkedHashSet<>();

    /** The views read ahead for the batch: an id in here whose view is absent from {@code inBatch} has none stored. */
    private final Set<String> readAhead = new HashSet<>();

    /**
     * Reads the views the batch's {@code events} change, other than the ones it creates, in one query: one read per
     * event would hold a replay of events that follow their invitation's creation by a while (emails, accepts) to a
     * few hundred events a second.
     */
    private ViewBatch(StoredInvitations views, EventStore eventStore, List<? extends EventMessage<?>> events) {
        this.views = views;
        this.eventStore = eventStore;
        Set<String> created = new HashSet<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domainEvent && !ofAnotherStream(domainEvent)) {
                (domainEvent.getSequenceNumber() == 0 ? created : readAhead).add(domainEvent.getAggregateIdentifier());
            }
        }
        readAhead.removeAll(created);
        views.findAll(readAhead).forEach(view -> inBatch.put(view.getId(), view));
    }

    /** The batch of the unit of work being processed, written once its last event has been handled. */
    static ViewBatch current(StoredInvitations views, EventStore eventStore) {
        return BatchWrites.current(ViewBatch.class.getName(),
                () -> new ViewBatch(views, eventStore, BatchWrites.eventsOfBatch()),
                batch -> views.saveAll(batch.changedViews()));
    }

    /**
     * Whether {@code event} is of a stream other than an invitation's (an org's settings): one that holds no
     * invitation. Told by the payload's type, without reading the payload; an event of an unknown type may be an
     * invitation's, of a newer command side.
     */
    private static boolean ofAnotherStream(DomainEventMessage<?> event) {
        return !InvitationEvent.class.isAssignableFrom(event.getPayloadType())
                && event.getPayloadType() != UnknownSerializedType.class;
    }

    void apply(DomainEventMessage<?> event) {
        if (ofAnotherStream(event)) {
            return;
        }
        String id = event.getAggregateIdentifier();
        long sequence = event.getSequenceNumber();
        InvitationDocument view = inBatch.computeIfAbsent(id, unseen -> stored(unseen, sequence));
        if (sequence > view.getVersion() + 1) {
            // an event came before one of its predecessors (writers' clocks differ): fold the whole stream, which
            // holds every predecessor, since each was stored before the next could be decided
            view = folded(id);
            inBatch.put(id, view);
            changed.add(id);
        }
        if (view.apply(event.getPayload(), sequence)) {
            changed.add(id);
        }
    }

    private List<InvitationDocument> changedViews() {
        // a view without an id has seen no event it knows: nothing to show
        return changed.stream().map(inBatch::get).filter(view -> view.getId() != null).toList();
    }

    private InvitationDocument stored(String id, long sequence) {
        // a creation needs no read: if the view exists already, the versioned write leaves it alone
        if (sequence == 0 || readAhead.contains(id)) {
            return new InvitationDocument();
        }
        return views.find(id).orElseGet(InvitationDocument::new);
    }

    private InvitationDocument folded(String id) {
        var view = new InvitationDocument();
        eventStore.readEvents(id).forEachRemaining(event -> view.apply(event.getPayload(), event.getSequenceNumber()));
        return view;
    }
}
