package dev.invitations.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.testing.MongoForTests;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.json.JacksonSerializer;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonalDataSerializerTest {

    private static final String EMAIL = "Ann.Example@example.com";
    private static final Map<String, String> METADATA = Map.of("phone", "+41 79 555 01 23");
    private static final PersonInvited EVENT = new PersonInvited("invitation-1", "acme", EMAIL, METADATA);
    private static final DataSubject ANN = new DataSubject("acme", new EmailAddress(EMAIL));

    private static final byte[] SUBJECT_HASH_KEY =
            "a subject hash key of the tests, 32+ bytes".getBytes(StandardCharsets.UTF_8);

    private final MongoClient client = MongoClients.create(MongoForTests.connectionString());
    private final String database = MongoForTests.database("personal-data-" + UUID.randomUUID());
    private final DataKeys keys = new DataKeys(client.getDatabase(database), SUBJECT_HASH_KEY, Clock.systemUTC(),
            Duration.ZERO);
    private final JacksonSerializer delegate = JacksonSerializer.defaultSerializer();
    private final PersonalDataSerializer serializer = new PersonalDataSerializer(delegate, keys);

    /** A record with personal data of nobody: the serializer leaves it to the delegate. */
    record Unrelated(String invitedEmail, Map<String, String> labels) {
    }

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void theStoredFormHoldsNoPersonalDataAndReadsBackWhole() {
        SerializedObject<String> stored = serializer.serialize(EVENT, String.class);

        assertThat(stored.getData())
                .doesNotContainIgnoringCase(EMAIL).doesNotContain("phone").doesNotContain("555")
                .contains("\"invitationId\":\"invitation-1\"", "\"orgId\":\"acme\"", "\"keyId\"", "\"ciphertext\"");
        assertThat(serializer.getConverter().convert(stored, JsonNode.class).getData().fieldNames()).toIterable()
                .containsExactly("invitationId", "orgId", "invitedEmail", "metadata");
        assertThat(serializer.<String, PersonInvited>deserialize(stored)).isEqualTo(EVENT);
    }

    @Test
    void everyRepresentationReadsBack() {
        SerializedObject<byte[]> bytes = serializer.serialize(EVENT, byte[].class);
        SerializedObject<JsonNode> tree = serializer.serialize(EVENT, JsonNode.class);

        assertThat(new String(bytes.getData(), StandardCharsets.UTF_8)).doesNotContain(EMAIL);
        assertThat(serializer.<byte[], PersonInvited>deserialize(bytes)).isEqualTo(EVENT);
        assertThat(serializer.<JsonNode, PersonInvited>deserialize(tree)).isEqualTo(EVENT);
        assertThat(read(stored(EVENT))).isEqualTo(EVENT);
    }

    @Test
    void readingLeavesAStoredTreeEncrypted() {
        JsonNode stored = stored(EVENT);
        JsonNode before = stored.deepCopy();

        serializer.deserialize(new SimpleSerializedObject<>(stored, JsonNode.class,
                delegate.typeForClass(PersonInvited.class)));

        assertThat(stored).isEqualTo(before);
    }

    @Test
    void theTypeAndRevisionAreTheDelegates() {
        SerializedObject<String> stored = serializer.serialize(EVENT, String.class);

        assertThat(stored.getType()).isEqualTo(delegate.typeForClass(PersonInvited.class))
                .isEqualTo(new SimpleSerializedType(PersonInvited.class.getName(), "2"));
        assertThat(stored.getContentType()).isEqualTo(String.class);
    }

    @Test
    void anErasedSubjectsEventReadsWithoutItsPersonalData() {
        SerializedObject<String> stored = serializer.serialize(EVENT, String.class);

        assertThat(keys.erase(keys.subjectHash(ANN))).isTrue();

        PersonInvited read = serializer.deserialize(stored);
        assertThat(read).isEqualTo(new PersonInvited("invitation-1", "acme", null, null));
        assertThat(read.personalDataErased()).isTrue();
    }

    @Test
    void anErasedSubjectsNewEventsGetANewKeyAndTheOldOnesStayUnreadable() {
        SerializedObject<String> old = serializer.serialize(EVENT, String.class);
        keys.erase(keys.subjectHash(ANN));

        SerializedObject<String> renewed = serializer.serialize(EVENT, String.class);

        assertThat(keyIdOf(renewed, "invitedEmail")).isNotEqualTo(keyIdOf(old, "invitedEmail"));
        assertThat(serializer.<String, PersonInvited>deserialize(renewed)).isEqualTo(EVENT);
        assertThat(serializer.<String, PersonInvited>deserialize(old).personalDataErased()).isTrue();
    }

    @Test
    void anAlteredCiphertextReadsNull() {
        ObjectNode stored = (ObjectNode) stored(EVENT);
        ObjectNode email = (ObjectNode) stored.get("invitedEmail");
        String ciphertext = email.get("ciphertext").asText();
        int middle = ciphertext.length() / 2;
        char flipped = ciphertext.charAt(middle) == 'A' ? 'B' : 'A';
        email.put("ciphertext", ciphertext.substring(0, middle) + flipped + ciphertext.substring(middle + 1));

        assertThat(read(stored)).isEqualTo(new PersonInvited("invitation-1", "acme", null, METADATA));
    }

    @Test
    void aCiphertextCopiedIntoAnotherFieldReadsNull() {
        ObjectNode stored = (ObjectNode) stored(EVENT);
        stored.set("metadata", stored.get("invitedEmail").deepCopy());

        assertThat(read(stored)).isEqualTo(new PersonInvited("invitation-1", "acme", EMAIL, null));
    }

    @Test
    void aMissingOrUnknownKeyIdReadsNull() {
        ObjectNode stored = (ObjectNode) stored(EVENT);
        ((ObjectNode) stored.get("invitedEmail")).remove("keyId");
        ((ObjectNode) stored.get("metadata")).put("keyId", "AAAAAAAAAAAAAAAAAAAAAA");

        assertThat(read(stored)).isEqualTo(new PersonInvited("invitation-1", "acme", null, null));
    }

    @Test
    void aMalformedEncryptedValueReadsNull() {
        ObjectNode stored = (ObjectNode) stored(EVENT);
        ((ObjectNode) stored.get("invitedEmail")).put("ciphertext", 42);
        ((ObjectNode) stored.get("metadata")).put("extra", "field");

        assertThat(read(stored)).isEqualTo(new PersonInvited("invitation-1", "acme", null, null));
    }

    @Test
    void aPlainValueWrittenBeforeEncryptionIsReadAsItIs() {
        SerializedObject<String> legacy = delegate.serialize(EVENT, String.class);

        assertThat(serializer.<String, PersonInvited>deserialize(legacy)).isEqualTo(EVENT);
    }

    @Test
    void anEventWhoseDataIsErasedIsWrittenAsTheDelegateWritesIt() {
        var erased = new PersonInvited("invitation-1", "acme", null, null);

        assertThat(serializer.serialize(erased, String.class).getData())
                .isEqualTo(delegate.serialize(erased, String.class).getData());
    }

    @Test
    void personalDataWithoutASubjectIsNeverWrittenInTheClear() {
        var noSubject = new PersonInvited("invitation-1", "acme", null, METADATA);

        assertThatThrownBy(() -> serializer.serialize(noSubject, String.class))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("metadata")
                .hasMessageNotContaining("555");
    }

    @Test
    void anObjectThatHoldsNoPersonalDataIsTheDelegatesBusiness() {
        var unrelated = new Unrelated(EMAIL, Map.of("team", "blue"));

        SerializedObject<String> stored = serializer.serialize(unrelated, String.class);

        SerializedObject<String> expected = delegate.serialize(unrelated, String.class);
        assertThat(stored.getData()).isEqualTo(expected.getData()).contains(EMAIL);
        assertThat(stored.getType()).isEqualTo(expected.getType());
        assertThat(serializer.<String, Unrelated>deserialize(stored)).isEqualTo(unrelated);
    }

    @Test
    void keysReadAheadForStoredEventsServeTheirReadingFromTheCache() {
        var bea = new PersonInvited("invitation-2", "acme", "bea@example.com", Map.of());
        SerializedObject<String> storedAnn = serializer.serialize(EVENT, String.class);
        SerializedObject<String> storedBea = serializer.serialize(bea, String.class);
        // another instance, whose cache holds no key yet
        var cachingKeys = new DataKeys(client.getDatabase(database), SUBJECT_HASH_KEY, Clock.systemUTC(),
                Duration.ofMinutes(1));
        var reader = new PersonalDataSerializer(delegate, cachingKeys);

        reader.readKeysOf(List.of(storedAnn, delegate.serialize(new Unrelated(EMAIL, Map.of()), String.class)));
        // gone from MongoDB behind the caches' back: only a key read ahead still decrypts
        client.getDatabase(database).getCollection(DataKeys.COLLECTION).deleteMany(new Document());

        assertThat(reader.<String, PersonInvited>deserialize(storedAnn)).isEqualTo(EVENT);
        assertThat(reader.<String, PersonInvited>deserialize(storedBea).invitedEmail()).isNull();
    }

    @Test
    void theRestIsTheDelegates() {
        assertThat(serializer.canSerializeTo(byte[].class)).isEqualTo(delegate.canSerializeTo(byte[].class));
        assertThat(serializer.canSerializeTo(JsonNode.class)).isTrue();
        assertThat(serializer.classForType(delegate.typeForClass(PersonInvited.class))).isEqualTo(PersonInvited.class);
        assertThat(serializer.getConverter()).isSameAs(delegate.getConverter());
    }

    /** The event as the serializer stores it, as a tree. */
    private JsonNode stored(PersonInvited event) {
        return serializer.serialize(event, JsonNode.class).getData();
    }

    private PersonInvited read(JsonNode stored) {
        return serializer.deserialize(new SimpleSerializedObject<>(stored.toString(), String.class,
                delegate.typeForClass(PersonInvited.class)));
    }

    private String keyIdOf(SerializedObject<String> stored, String field) {
        return serializer.getConverter().convert(stored, JsonNode.class).getData().get(field).get("keyId").asText();
    }
}
