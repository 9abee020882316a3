package dev.invitations.personaldata;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invitations.api.personaldata.DataSubject;
import dev.invitations.api.personaldata.HoldsPersonalData;
import dev.invitations.api.personaldata.PersonalData;
import org.axonframework.serialization.Converter;
import org.axonframework.serialization.SerializationException;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SerializedType;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.crypto.SecretKey;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A {@link JacksonSerializer} that stores the {@link PersonalData} fields of {@link HoldsPersonalData} objects
 * encrypted under their subject's key from {@link DataKeys}: each such field's JSON value becomes
 * {@code {"keyId": ..., "ciphertext": ...}} (see {@link FieldCipher}), the rest of the JSON stays as the delegate
 * writes it, and so do the serialized type and revision. Every other object is the delegate's business alone.
 * <p>
 * Reading decrypts those fields again. One whose key was erased, whose ciphertext was altered or whose stored form
 * is not well-formed reads {@code null}; nothing is thrown, so a history with erased subjects replays. A plain
 * value in a personal field (written before the field was marked) is read as it is. Upcasters see the stored,
 * encrypted form.
 */
public final class PersonalDataSerializer implements Serializer {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataSerializer.class);
    private static final String KEY_ID = "keyId";
    private static final String CIPHERTEXT = "ciphertext";

    private final JacksonSerializer delegate;
    private final ObjectMapper json;
    private final DataKeys keys;
    // the JSON names of a class's personal properties, as Jackson introspects the class
    private final ClassValue<List<String>> personalProperties = new ClassValue<>() {
        @Override
        protected List<String> computeValue(Class<?> type) {
            return json.getSerializationConfig().introspect(json.constructType(type)).findProperties().stream()
                    .filter(property -> Stream.of(property.getAccessor(), property.getField())
                            .anyMatch(PersonalDataSerializer::isPersonal))
                    .map(BeanPropertyDefinition::getName)
                    .toList();
        }
    };

    public PersonalDataSerializer(JacksonSerializer delegate, DataKeys keys) {
        this.delegate = delegate;
        this.json = delegate.getObjectMapper();
        this.keys = keys;
    }

    @Override
    public <T> SerializedObject<T> serialize(Object object, Class<T> expectedRepresentation) {
        if (!(object instanceof HoldsPersonalData)) {
            return delegate.serialize(object, expectedRepresentation);
        }
        T data = delegate.getConverter().convert(encryptedTree(object), JsonNode.class, expectedRepresentation);
        return new SimpleSerializedObject<>(data, expectedRepresentation, delegate.typeForClass(object.getClass()));
    }

    @Override
    public <S, T> T deserialize(SerializedObject<S> serializedObject) {
        Class<?> type = delegate.classForType(serializedObject.getType());
        if (!HoldsPersonalData.class.isAssignableFrom(type)) {
            return delegate.deserialize(serializedObject);
        }
        JsonNode stored = delegate.getConverter().convert(serializedObject, JsonNode.class).getData();
        // a tree handed in is the caller's: decrypt a copy
        boolean handedIn = JsonNode.class.isAssignableFrom(serializedObject.getContentType());
        JsonNode tree = handedIn ? stored.deepCopy() : stored;
        if (tree instanceof ObjectNode fields) {
            decrypt(fields, type);
        }
        return delegate.deserialize(new SimpleSerializedObject<>(tree, JsonNode.class, serializedObject.getType()));
    }

    /**
     * Reads the keys of the personal fields of {@code stored}, those not cached already, in one query: deserializing
     * the objects afterwards (within the key cache's time) then reads none. Without it, a replay reads one key per
     * person, one round trip each.
     */
    public void readKeysOf(List<? extends SerializedObject<?>> stored) {
        Set<String> keyIds = new HashSet<>();
        for (SerializedObject<?> object : stored) {
            Class<?> type = delegate.classForType(object.getType());
            if (HoldsPersonalData.class.isAssignableFrom(type)
                    && delegate.getConverter().convert(object, JsonNode.class).getData() instanceof ObjectNode fields) {
                sealedFields(fields, type).values().forEach(sealed -> keyIdOf(sealed).ifPresent(keyIds::add));
            }
        }
        if (!keyIds.isEmpty()) {
            keys.findAll(keyIds);
        }
    }

    /**
     * {@code object} as JSON, its personal fields encrypted.
     *
     * @throws SerializationException when a {@link HoldsPersonalData} object has personal data but no subject: it
     *                                would be stored in the clear
     */
    private JsonNode encryptedTree(Object object) {
        JsonNode tree = json.valueToTree(object);
        if (object instanceof HoldsPersonalData holder && tree instanceof ObjectNode fields) {
            encrypt(holder, fields);
        }
        return tree;
    }

    @Override
    public <T> boolean canSerializeTo(Class<T> expectedRepresentation) {
        return delegate.canSerializeTo(expectedRepresentation);
    }

    @Override
    public Class classForType(SerializedType type) {
        return delegate.classForType(type);
    }

    @Override
    public SerializedType typeForClass(Class type) {
        return delegate.typeForClass(type);
    }

    @Override
    public Converter getConverter() {
        return delegate.getConverter();
    }

    private void encrypt(HoldsPersonalData holder, ObjectNode fields) {
        DataSubject subject = holder.dataSubject();
        String keyId = null;
        SecretKey key = null;
        for (String field : personalProperties.get(holder.getClass())) {
            JsonNode value = fields.get(field);
            if (value == null || value.isNull()) {
                continue;
            }
            if (subject == null) {
                throw new SerializationException(holder.getClass().getName() + " has personal data in " + field
                        + " but no data subject to encrypt it for");
            }
            if (key == null) {
                keyId = keys.keyIdFor(subject);
                key = keys.find(keyId).orElseThrow(() -> new SerializationException("the data key of the subject of "
                        + holder.getClass().getName() + " was erased while it was written"));
            }
            fields.set(field, json.createObjectNode()
                    .put(KEY_ID, keyId)
                    .put(CIPHERTEXT, FieldCipher.encrypt(key, keyId, field, value.toString())));
        }
    }

    private void decrypt(ObjectNode fields, Class<?> type) {
        Map<String, JsonNode> sealed = sealedFields(fields, type);
        if (sealed.isEmpty()) {
            return;
        }
        Map<String, SecretKey> found = keys.findAll(sealed.values().stream()
                .flatMap(value -> keyIdOf(value).stream())
                .distinct()
                .toList());
        sealed.forEach((field, value) -> fields.set(field, plaintext(type, field, value, found)));
    }

    /** The personal fields of {@code fields}, an object of {@code type}, that hold a ciphertext, by name. */
    private Map<String, JsonNode> sealedFields(ObjectNode fields, Class<?> type) {
        Map<String, JsonNode> sealed = new HashMap<>();
        for (String field : personalProperties.get(type)) {
            JsonNode value = fields.get(field);
            // anything else is a plain value, written before the field held encrypted data
            if (value != null && value.isObject() && value.has(CIPHERTEXT)) {
                sealed.put(field, value);
            }
        }
        return sealed;
    }

    private static Optional<String> keyIdOf(JsonNode sealed) {
        JsonNode keyId = sealed.path(KEY_ID);
        return keyId.isTextual() ? Optional.of(keyId.asText()) : Optional.empty();
    }

    private JsonNode plaintext(Class<?> type, String field, JsonNode sealed, Map<String, SecretKey> keys) {
        JsonNode keyId = sealed.path(KEY_ID);
        JsonNode ciphertext = sealed.path(CIPHERTEXT);
        if (sealed.size() != 2 || !keyId.isTextual() || !ciphertext.isTextual()) {
            LOG.warn("Personal field {} of {} is not well-formed; read as null", field, type.getName());
            return NullNode.instance;
        }
        SecretKey key = keys.get(keyId.asText());
        if (key == null) {
            // the normal state of an erased subject's events: nothing to warn about
            LOG.debug("The data key of personal field {} of {} was erased; read as null", field, type.getName());
            return NullNode.instance;
        }
        Optional<JsonNode> value = FieldCipher.decrypt(key, keyId.asText(), field, ciphertext.asText())
                .flatMap(this::parse);
        if (value.isEmpty()) {
            LOG.warn("Personal field {} of {} does not decrypt under its key; read as null", field, type.getName());
        }
        return value.orElse(NullNode.instance);
    }

    private Optional<JsonNode> parse(String text) {
        try {
            return Optional.of(json.readTree(text));
        } catch (JsonProcessingException notJson) {
            return Optional.empty();
        }
    }

    private static boolean isPersonal(AnnotatedMember member) {
        return member != null && member.hasAnnotation(PersonalData.class);
    }
}
