package dev.invitations.command.storage;

import dev.invitations.api.invitation.InvitationView;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Invitations as their own events say they are now, read straight from the event store. The command side answers
 * with this after a command, so an answer never waits for, or disagrees with, the eventually consistent views.
 */
@Component
public class StoredInvitations {

    private final EventStore eventStore;

    public StoredInvitations(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    public Optional<InvitationView> find(String invitationId) {
        var view = new InvitationView();
        eventStore.readEvents(invitationId)
                .forEachRemaining(event -> view.apply(event.getPayload(), event.getSequenceNumber()));
        return view.getVersion() < 0 ? Optional.empty() : Optional.of(view);
    }
}
