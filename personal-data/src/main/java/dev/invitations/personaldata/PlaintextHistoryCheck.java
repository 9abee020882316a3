package dev.invitations.personaldata;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.api.personaldata.HoldsPersonalData;
import org.axonframework.serialization.Revision;
import org.bson.Document;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Refuses an event store written before personal data was encrypted: its events hold emails in plain text that no
 * erasure could reach, and the service must never answer an erasure as done for data it could not erase. Such events
 * are those of a type that now holds personal data, stored under a revision older than the type's current one.
 */
public final class PlaintextHistoryCheck {

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
        Map<String, String> currentRevisions = typesHoldingPersonalData().stream()
                .collect(Collectors.toMap(Class::getName, type -> type.getAnnotation(Revision.class).value()));
        Document plain = events.find(Filters.or(currentRevisions.entrySet().stream()
                        .map(type -> Filters.and(Filters.eq("payloadType", type.getKey()),
                                Filters.ne("payloadRevision", type.getValue())))
                        .toList()))
                .projection(Projections.include("payloadType", "payloadRevision"))
                .first();
        if (plain != null) {
            String type = plain.getString("payloadType");
            throw new PlaintextHistoryException(type, plain.getString("payloadRevision"), currentRevisions.get(type));
        }
    }

    static List<Class<?>> typesHoldingPersonalData() {
        return Arrays.stream(InvitationEvent.class.getPermittedSubclasses())
                .filter(HoldsPersonalData.class::isAssignableFrom)
                .<Class<?>>map(type -> type)
                .toList();
    }

    /** The event store holds personal data in plain text. */
    public static final class PlaintextHistoryException extends IllegalStateException {
        PlaintextHistoryException(String type, String storedRevision, String currentRevision) {
            super("The event store holds " + type + " events of revision " + storedRevision + ", written before"
                    + " personal data was encrypted (revision " + currentRevision + "). Their emails are in plain"
                    + " text, so they could never be erased. Start this release on a new, empty store (a new"
                    + " INVITATIONS_DATA_DIR or MongoDB database); docs/operations.md says why no migration is"
                    + " offered.");
        }
    }
}
