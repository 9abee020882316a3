package dev.invitations.query.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;


/**
 * What readers outside the service see of a stored event: its type's simple name, who caused it, and its fields
 * without {@code tokenHash}; even a token's hash stays inside.
 *
 * @param actor the event's field ending in {@code By} ({@code createdBy}, {@code revokedBy}, ...), the way every
 *              event names who caused it; null for events no caller caused (declined by the invitee, expired)
 */
public record EventContent(String type, String actor, ObjectNode data) {

    private static final String SECRET_FIELD = "tokenHash";

    public static EventContent of(Object payload, ObjectMapper json) {
        ObjectNode data = json.valueToTree(payload);
        data.remove(SECRET_FIELD);
        return new EventContent(payload.getClass().getSimpleName(), actorOf(data), data);
    }

    private static String actorOf(ObjectNode data) {
        return data.properties().stream()
                .filter(field -> field.getKey().endsWith("By") && field.getValue().isTextual())
                .map(field -> field.getValue().asText())
                .findFirst()
                .orElse(null);
    }
}
