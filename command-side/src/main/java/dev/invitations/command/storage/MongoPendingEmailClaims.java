package dev.invitations.command.storage;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.command.invitation.InvitationRejected;
import dev.invitations.command.invitation.InvitationRejected.Reason;
import dev.invitations.command.invitation.PendingEmailClaims;
import dev.invitations.resource.InvitationState;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Claims as documents keyed by {@code orgId/lower-cased email}: MongoDB's unique {@code _id} lets exactly one of
 * any number of racing creates insert it. A claim is released by the events that end PENDING, handled in the
 * same thread as the command that applied them (a subscribing processor), so a new invitation can follow at once.
 * <p>
 * A claim can outlive its invitation's PENDING state if the process dies between the two writes. Such a claim is
 * taken over when the invitation it names is found (in the event store) to be no longer pending, or never to have
 * been created after a grace period: the rule is enforced by the claim, repaired by the events.
 */
@Component
@ProcessingGroup("pending-email-claims")
public class MongoPendingEmailClaims implements PendingEmailClaims {

    static final String COLLECTION = "pending_email_claims";
    /** How long a claim whose invitation has no events yet counts as a create still in flight. */
    private static final Duration CREATE_IN_FLIGHT = Duration.ofMinutes(1);

    private final MongoTemplate mongo;
    private final InvitationStreams invitations;
    private final Clock clock;

    public MongoPendingEmailClaims(MongoTemplate mongo, InvitationStreams invitations, Clock clock) {
        this.mongo = mongo;
        this.invitations = invitations;
        this.clock = clock;
    }

    @Override
    public void claim(String orgId, String email, String invitationId) {
        String key = keyOf(orgId, email);
        while (!tryInsert(key, invitationId)) {
            Document claim = mongo.findById(key, Document.class, COLLECTION);
            if (claim == null) {
                continue; // released between our insert and this read
            }
            String holder = claim.getString("invitationId");
            if (holder.equals(invitationId)) {
                break;
            }
            if (holderIsPending(holder, claim.getDate("claimedAt").toInstant()) || !takeOver(key, holder, invitationId)) {
                throw new InvitationRejected(Reason.DUPLICATE_PENDING,
                        "a pending invitation for this email already exists in this organization");
            }
            break;
        }
        // a command that fails after claiming (a concurrent write, storage trouble) must not keep the claim
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.onRollback(u -> release(orgId, email, invitationId)));
    }

    @Override
    public void release(String orgId, String email, String invitationId) {
        mongo.remove(holdersQuery(keyOf(orgId, email), invitationId), COLLECTION);
    }

    @EventHandler
    void on(InvitationAccepted event) {
        release(event.orgId(), event.invitedEmail(), event.invitationId());
    }

    @EventHandler
    void on(InvitationDeclined event) {
        release(event.orgId(), event.invitedEmail(), event.invitationId());
    }

    @EventHandler
    void on(InvitationRevoked event) {
        release(event.orgId(), event.invitedEmail(), event.invitationId());
    }

    @EventHandler
    void on(InvitationExpired event) {
        release(event.orgId(), event.invitedEmail(), event.invitationId());
    }

    private boolean tryInsert(String key, String invitationId) {
        try {
            mongo.insert(new Document("_id", key).append("invitationId", invitationId)
                    .append("claimedAt", clock.instant()), COLLECTION);
            return true;
        } catch (DuplicateKeyException taken) {
            return false;
        }
    }

    /** Moves a stale claim to {@code invitationId}, unless someone else moved or released it first. */
    private boolean takeOver(String key, String staleHolder, String invitationId) {
        return mongo.updateFirst(holdersQuery(key, staleHolder),
                Update.update("invitationId", invitationId).set("claimedAt", clock.instant()), COLLECTION)
                .getModifiedCount() == 1;
    }

    private boolean holderIsPending(String holder, Instant claimedAt) {
        return invitations.find(holder)
                .map(current -> current.resource().getState() == InvitationState.PENDING)
                .orElseGet(() -> clock.instant().isBefore(claimedAt.plus(CREATE_IN_FLIGHT)));
    }

    private static Query holdersQuery(String key, String invitationId) {
        return Query.query(Criteria.where("_id").is(key).and("invitationId").is(invitationId));
    }

    private static String keyOf(String orgId, String email) {
        return orgId + "/" + new EmailAddress(email).normalized();
    }
}
