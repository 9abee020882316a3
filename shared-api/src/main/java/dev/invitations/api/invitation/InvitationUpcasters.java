package dev.invitations.api.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads the invitation events stored by earlier releases as the current revisions of their records, so that a store
 * written before keeps working, and so does a subscriber's processor reading it. Register it with the event store's
 * upcaster chain (a Spring bean of this type is picked up by Axon's Spring Boot support).
 * <p>
 * What changed, each on the stored JSON (personal fields stay as stored, encrypted or not):
 * <ul>
 *     <li>{@link InvitationCreated} 2 → 3: {@code role} became {@code roles}; {@code locale} is {@code en}, the only
 *     language emails were written in then; {@code orgDisplayName}, {@code redirectUrl} and {@code metadata} are
 *     null.</li>
 *     <li>{@link InvitationAccepted} 2 → 3: {@code role} became {@code roles}; {@code metadata} is null.</li>
 *     <li>{@link InvitationUpdated} 1 → 2: {@code role} became {@code roles}.</li>
 *     <li>{@link InvitationResent} 2 → 3: {@code locale} is {@code en}; {@code orgDisplayName} is null.</li>
 * </ul>
 */
public final class InvitationUpcasters extends SingleEventUpcaster {

    private record Step(String revision, String nextRevision, Consumer<ObjectNode> change) {
    }

    private static final Map<String, Step> STEPS = Map.of(
            InvitationCreated.class.getName(), new Step("2", "3", event -> {
                rolesFromRole(event);
                event.put("locale", "en");
                event.putNull("orgDisplayName");
                event.putNull("redirectUrl");
                event.putNull("metadata");
            }),
            InvitationAccepted.class.getName(), new Step("2", "3", event -> {
                rolesFromRole(event);
                event.putNull("metadata");
            }),
            InvitationUpdated.class.getName(), new Step("1", "2", InvitationUpcasters::rolesFromRole),
            InvitationResent.class.getName(), new Step("2", "3", event -> {
                event.put("locale", "en");
                event.putNull("orgDisplayName");
            }));

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation representation) {
        Step step = STEPS.get(representation.getType().getName());
        return step != null && step.revision().equals(representation.getType().getRevision());
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation representation) {
        String type = representation.getType().getName();
        Step step = STEPS.get(type);
        return representation.upcastPayload(new SimpleSerializedType(type, step.nextRevision()), JsonNode.class,
                payload -> {
                    ObjectNode event = (ObjectNode) payload.deepCopy();
                    step.change().accept(event);
                    return event;
                });
    }

    /** The single role (null in no stored event, kept null if it were) as a one-element {@code roles}. */
    private static void rolesFromRole(ObjectNode event) {
        JsonNode role = event.remove("role");
        ArrayNode roles = event.putArray("roles");
        if (role != null && !role.isNull()) {
            roles.add(role.asText());
        }
    }
}
