package dev.invitations.query;

import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.api.invitation.InvitationUpdated;
import dev.invitations.api.org.OrgSettingsChanged;
import dev.invitations.api.token.InvitationTokens;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.boot.test.context.TestComponent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes invitation events into the event store the way the command side does: aggregate type
 * {@code Invitation}, the invitation id as aggregate id, sequence numbers from 0; and org settings changes, each org's
 * in a stream of its own (aggregate type {@code OrgSettings}).
 */
@TestComponent
public class EventsForTests {

    public static final Instant EPOCH = Instant.parse("2026-11-21T09:00:00.123456Z");

    private final EventStore eventStore;
    private final InvitationTokens tokens;

    EventsForTests(EventStore eventStore, InvitationTokens tokens) {
        this.eventStore = eventStore;
        this.tokens = tokens;
    }

    /** Stores {@code payload} as event number {@code sequence} of the invitation. */
    public void write(String invitationId, long sequence, Object payload) {
        eventStore.publish(new GenericDomainEventMessage<>("Invitation", invitationId, sequence, payload));
    }

    /** Stores {@code change} as change number {@code sequence} (from 0) of its org's settings. */
    public void writeSettings(long sequence, OrgSettingsChanged change) {
        eventStore.publish(new GenericDomainEventMessage<>("OrgSettings",
                OrgSettingsChanged.aggregateIdentifierOf(change.orgId()), sequence, change));
    }

    /** Settings using every field, named {@code displayName}. */
    public OrgSettingsChanged settingsChanged(String orgId, String displayName, String changedBy) {
        return new OrgSettingsChanged(orgId, displayName, List.of("acme.com", "*.acme.co.uk"), List.of("member", "admin"),
                List.of("member"), "P7D", "P14D", "de", List.of("https://app.acme.com/welcome"), 5, changedBy, EPOCH);
    }

    /** Creates a pending invitation; returns its id. */
    public String create(String orgId, String email, String role, Map<String, String> labels, String createdBy,
                         Instant createTime) {
        String id = UUID.randomUUID().toString();
        write(id, 0, created(id, orgId, email, role, labels, createdBy, createTime));
        return id;
    }

    public String create(String orgId, String email, Instant createTime) {
        return create(orgId, email, "member", Map.of(), "admin-1", createTime);
    }

    public InvitationCreated created(String id, String orgId, String email, String role, Map<String, String> labels,
                                     String createdBy, Instant createTime) {
        return new InvitationCreated(id, orgId, email, List.of(role), "Ada", labels, false, tokens.hashOf(id, 1),
                createTime.plus(7, ChronoUnit.DAYS), "en", null, null, null, createdBy, createTime);
    }

    /** The token the invitation's {@code sendCount}-th email carried. */
    public String tokenOf(String id, int sendCount) {
        return tokens.issue(id, sendCount, tokens.hashOf(id, sendCount));
    }

    /** One event of each type after the creation, in an order the command side allows; returns the last sequence. */
    public long everyChange(String orgId, String id, String email) {
        Instant at = EPOCH.plus(1, ChronoUnit.HOURS);
        write(id, 1, new InvitationUpdated(id, orgId, List.of("admin"), Map.of("team", "growth"), "admin-2", at));
        write(id, 2, new InvitationExpired(id, orgId, email, at.plusSeconds(1)));
        write(id, 3, new InvitationResent(id, orgId, email, tokens.hashOf(id, 2), 2, at.plus(7, ChronoUnit.DAYS),
                "fr", null, "admin-3", at.plusSeconds(2)));
        write(id, 4, new InvitationDeclined(id, orgId, email, at.plusSeconds(3)));
        return 4;
    }

    /** The second send, a week from {@code at}: the first token stops working. */
    public InvitationResent resent(String orgId, String id, String email, Instant at) {
        return new InvitationResent(id, orgId, email, tokens.hashOf(id, 2), 2, at.plus(7, ChronoUnit.DAYS), "en", null,
                "admin-3", at);
    }

    public InvitationRevoked revoked(String orgId, String id, String email) {
        return new InvitationRevoked(id, orgId, email, "mistake", "admin-4", EPOCH.plus(2, ChronoUnit.HOURS));
    }

    public InvitationAccepted accepted(String orgId, String id, String email) {
        return new InvitationAccepted(id, orgId, email, List.of("member"), "user-9", null,
                EPOCH.plus(3, ChronoUnit.HOURS));
    }
}
