package dev.invitations.command.storage;

import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.resource.CurrentTokenHash;
import dev.invitations.resource.InvitationResource;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Invitations as their own event streams say they are now, read straight from the event store. The command side
 * answers with this after a command, so an answer never waits for, or disagrees with, the eventually consistent views.
 */
@Component
public class InvitationStreams {

    private final EventStore eventStore;

    public InvitationStreams(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The invitation as {@code created} made it: what folding its stream right after its creation gives. */
    public static CurrentInvitation created(InvitationCreated created) {
        var resource = new InvitationResource();
        resource.apply(created, 0);
        return new CurrentInvitation(resource, CurrentTokenHash.after(created, null));
    }

    /** The invitation's stream folded; empty when it has none. */
    public Optional<CurrentInvitation> find(String invitationId) {
        var resource = new InvitationResource();
        String tokenHash = null;
        for (var events = eventStore.readEvents(invitationId); events.hasNext(); ) {
            var event = events.next();
            resource.apply(event.getPayload(), event.getSequenceNumber());
            tokenHash = CurrentTokenHash.after(event.getPayload(), tokenHash);
        }
        return resource.getVersion() < 0 ? Optional.empty() : Optional.of(new CurrentInvitation(resource, tokenHash));
    }

    /**
     * An invitation as its stream says it is now.
     *
     * @param resource  what the command API answers with
     * @param tokenHash the hash recorded for the current send's token, which names the key the token is recomputed
     *                  under; never shown
     */
    public record CurrentInvitation(InvitationResource resource, String tokenHash) {
    }
}
