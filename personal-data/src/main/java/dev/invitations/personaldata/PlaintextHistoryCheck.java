package dev.invitations.personaldata;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.invitations.api.invitation.InvitationAccepted;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationDeclined;
import dev.invitations.api.invitation.InvitationEmailFailed;
import dev.invitations.api.invitation.InvitationEmailSent;
import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.api.invitation.InvitationExpired;
import dev.invitations.api.invitation.InvitationResent;
import dev.invitations.api.invitation.InvitationRevoked;
import org.bson.Document;

import java.util.List;

/**
 * Refuses an event store written before personal data was encrypted: its events hold emails in plain text that no
 * erasure could reach, and the service must never answer an erasure as done for data it could not erase. Such events
 * are those of the types that held personal data then, stored under {@value #PLAINTEXT_REVISION}, their revision
 * before encryption: encryption came with their revision 2, and every later revision (which upcasters read) is
 * encrypted too, as is any type added since.
 */
public final class PlaintextHistoryCheck {

    static final String PLAINTEXT_REVISION = "1";
    /** The types whose personal fields were in plain text up to their revision 1. */
    static final List<Class<? extends InvitationEvent>> WRITTEN_IN_PLAIN_TEXT = List.of(InvitationCreated.class,
            InvitationAccepted.class, InvitationDeclined.class, InvitationExpired.class, InvitationResent.class,
            InvitationRevoked.class, InvitationEmailSent.class, InvitationEmailFailed.class);

    private final MongoCollection<Document> events;

    public PlaintextHistoryCheck(MongoCollection<Document> events) {
        this.events = events;
    }

    /**
     * One query for all the types, since it runs at every start: a query per type would read the store once per type.
     *
     * @throws PlaintextHistoryException naming the first such event's type and revision
     */
    public void requireEncryptedHistory() {
        Document plain = events.find(Filters.and(
                        Filters.in("payloadType", WRITTEN_IN_PLAIN_TEXT.stream().map(Class::getName).toList()),
                        Filters.eq("payloadRevision", PLAINTEXT_REVISION)))
                .projection(Projections.include("payloadType", "payloadRevision"))
                .first();
        if (plain != null) {
            throw new PlaintextHistoryException(plain.getString("payloadType"), plain.getString("payloadRevision"));
        }
    }

    /** The event store holds personal data in plain text. */
    public static final class PlaintextHistoryException extends IllegalStateException {
        PlaintextHistoryException(String type, String storedRevision) {
            super("The event store holds " + type + " events of revision " + storedRevision + ", written before"
                    + " personal data was encrypted (revision 2). Their emails are in plain"
                    + " text, so they could never be erased. Start this release on a new, empty store (a new"
                    + " INVITATIONS_DATA_DIR or MongoDB database); docs/operations.md says why no migration is"
                    + " offered.");
        }
    }
}
