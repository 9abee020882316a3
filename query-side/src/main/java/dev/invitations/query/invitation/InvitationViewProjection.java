package dev.invitations.query.invitation;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Builds the {@code invitations} view from every invitation event, through {@code InvitationResource}, the
 * fold both sides share (extended by {@link InvitationDocument} with the token's hash). Events it does not know
 * (added by a newer command side) change nothing, and those of other streams (an org's settings) are left to their
 * own views. Its processing group is the views': a rebuild resets all of them.
 */
@Component
@ProcessingGroup(InvitationViewProjection.PROCESSING_GROUP)
public class InvitationViewProjection {

    public static final String PROCESSING_GROUP = "invitation-views";

    private final StoredInvitations views;
    private final EventStore eventStore;
    private final AtomicLong handledEvents = new AtomicLong();

    InvitationViewProjection(StoredInvitations views, EventStore eventStore) {
        this.views = views;
        this.eventStore = eventStore;
    }

    @EventHandler
    void on(Object payload, DomainEventMessage<?> event) {
        ViewBatch.current(views, eventStore).apply(event);
        handledEvents.incrementAndGet();
    }

    /** A rebuild starts from no views at all. */
    @ResetHandler
    void dropViews() {
        handledEvents.set(0);
        views.deleteAll();
    }

    /** Events handled since the last rebuild started (or since start-up): the rebuild's progress. */
    public long handledEvents() {
        return handledEvents.get();
    }
}
