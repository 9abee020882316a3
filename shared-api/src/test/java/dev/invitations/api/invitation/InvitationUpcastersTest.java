package dev.invitations.api.invitation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.Revision;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.axonframework.serialization.upcasting.event.InitialEventRepresentation;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The events of {@code previous-release/domainevents.jsonl} are the event store's documents as the release before
 * roles wrote them (a run of that release's {@code ./run-local.sh} driven through every event type; personal fields
 * encrypted as stored). Each must read as the current revision of its record.
 */
class InvitationUpcastersTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final JacksonSerializer SERIALIZER = JacksonSerializer.builder().objectMapper(JSON).build();
    private static List<JsonNode> stored;

    @BeforeAll
    static void readStoredEvents() throws Exception {
        try (var lines = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                InvitationUpcastersTest.class.getResourceAsStream("/previous-release/domainevents.jsonl")),
                StandardCharsets.UTF_8))) {
            stored = lines.lines().map(InvitationUpcastersTest::parse).toList();
        }
    }

    @Test
    void everyEventOfThePreviousReleaseReadsAsTheCurrentRevisionOfItsRecord() throws Exception {
        Map<String, Integer> read = new HashMap<>();
        for (JsonNode document : stored) {
            IntermediateEventRepresentation upcast = upcast(document);
            Class<?> type = Class.forName(upcast.getType().getName());
            assertThat(upcast.getType().getRevision()).as(type.getSimpleName())
                    .isEqualTo(type.getAnnotation(Revision.class).value());
            assertThat(deserialize(upcast)).isInstanceOf(InvitationEvent.class);
            read.merge(type.getSimpleName(), 1, Integer::sum);
        }
        assertThat(read).as("the fixture holds every type whose shape changed").containsKeys("InvitationCreated",
                "InvitationAccepted", "InvitationUpdated", "InvitationResent");
        assertThat(read.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(stored.size());
    }

    @Test
    void theSingleRoleBecomesTheOnlyRoleAndTheNewFieldsTellWhatTheOldEventMeant() {
        for (JsonNode document : stored) {
            JsonNode before = parse(document.get("serializedPayload").asText());
            Object event = deserialize(upcast(document));
            if (event instanceof InvitationCreated created) {
                assertThat(created.roles()).containsExactly(before.get("role").asText());
                assertThat(created.locale()).isEqualTo("en");
                assertThat(created.orgDisplayName()).isNull();
                assertThat(created.redirectUrl()).isNull();
                assertThat(created.tokenHash()).isEqualTo(before.get("tokenHash").asText());
                assertThat(created.labels()).isEqualTo(JSON.convertValue(before.get("labels"), Map.class));
            } else if (event instanceof InvitationAccepted accepted) {
                assertThat(accepted.roles()).containsExactly(before.get("role").asText());
            } else if (event instanceof InvitationUpdated updated) {
                assertThat(updated.roles()).containsExactly(before.get("role").asText());
                assertThat(updated.labels()).isEqualTo(JSON.convertValue(before.get("labels"), Map.class));
            } else if (event instanceof InvitationResent resent) {
                assertThat(resent.locale()).isEqualTo("en");
                assertThat(resent.sendCount()).isEqualTo(before.get("sendCount").asInt());
            }
        }
    }

    @Test
    void personalFieldsStayAsStored() {
        JsonNode created = stored.stream()
                .filter(document -> document.get("payloadType").asText().endsWith("InvitationCreated"))
                .findFirst().orElseThrow();
        JsonNode before = parse(created.get("serializedPayload").asText());
        JsonNode after = upcast(created).getData(JsonNode.class).getData();
        assertThat(after.get("invitedEmail")).isEqualTo(before.get("invitedEmail"));
        assertThat(after.get("invitedEmail").has("ciphertext")).isTrue();
    }

    @Test
    void aCurrentRevisionIsLeftAlone() {
        JsonNode current = JSON.valueToTree(new InvitationUpdated("i", "acme", List.of("admin", "member"), Map.of(),
                "alice", java.time.Instant.EPOCH));
        var entry = new GenericDomainEventEntry<>("Invitation", "i", 1, "e", java.time.Instant.EPOCH,
                InvitationUpdated.class.getName(), "2", current.toString(), "{}");
        IntermediateEventRepresentation read = new InvitationUpcasters()
                .upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER))).findFirst().orElseThrow();
        assertThat(read.getType().getRevision()).isEqualTo("2");
        assertThat(read.getData(String.class).getData()).isEqualTo(current.toString());
    }

    private static Object deserialize(IntermediateEventRepresentation upcast) {
        return SERIALIZER.deserialize(new SimpleSerializedObject<>(
                withoutCiphertexts(upcast.getData(JsonNode.class).getData()), JsonNode.class, upcast.getType()));
    }

    private static IntermediateEventRepresentation upcast(JsonNode document) {
        var entry = new GenericDomainEventEntry<>(document.get("type").asText(),
                document.get("aggregateIdentifier").asText(), document.get("sequenceNumber").asLong(),
                document.get("eventIdentifier").asText(), document.get("timestamp").asText(),
                document.get("payloadType").asText(), document.get("payloadRevision").asText(),
                document.get("serializedPayload").asText(), document.get("serializedMetaData").asText());
        return new InvitationUpcasters().upcast(Stream.of(new InitialEventRepresentation(entry, SERIALIZER)))
                .findFirst().orElseThrow();
    }

    /** The stored personal fields are encrypted objects; the record reads plain strings, as the sides decrypt them. */
    private static JsonNode withoutCiphertexts(JsonNode payload) {
        ObjectNode copy = (ObjectNode) payload.deepCopy();
        payload.fields().forEachRemaining(field -> {
            if (field.getValue().has("ciphertext")) {
                copy.set(field.getKey(), TextNode.valueOf("decrypted"));
            }
        });
        return copy;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
