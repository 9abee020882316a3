package dev.invitations.query.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.invitations.api.invitation.InvitationCreated;
import dev.invitations.api.invitation.InvitationEmailFailed;
import dev.invitations.api.invitation.PersonalDataErased;
import dev.invitations.api.invitation.InvitationEmailSent;
import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.api.invitation.InvitationRevoked;
import dev.invitations.query.RunningQuerySide;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml against the real feed: one event of each type is written, read back over HTTP, and every entry
 * must be one of the described messages and match its payload: each field of the event and of its {@code data} a
 * described property with a matching JSON type, each required property present. A new event type, a new field or a
 * changed type fails here until the description says so.
 */
class AsyncApiFeedTest extends RunningQuerySide {

    static final Path DESCRIPTION = Path.of("..", "docs", "asyncapi.yaml");
    private static final String CHANNEL = "orgEvents";
    private static final String TYPE_PREFIX = "invitations.v1.";
    private static final Set<String> HIDDEN_FIELDS = Set.of("tokenHash");

    private static JsonNode asyncApi;
    private static Map<String, JsonNode> messagesByType;

    @BeforeAll
    static void readDescription() throws IOException {
        asyncApi = new ObjectMapper(new YAMLFactory()).readTree(DESCRIPTION.toFile());
        assertThat(asyncApi.path("asyncapi").asText()).isEqualTo("3.0.0");
        messagesByType = new TreeMap<>();
        asyncApi.path("channels").path(CHANNEL).path("messages").forEach(reference -> {
            JsonNode message = resolve(reference);
            messagesByType.put(message.path("name").asText(), message);
        });
    }

    @Test
    void everyEventOfTheFeedIsADescribedMessageAndMatchesItsPayload() {
        String org = newOrg();
        // created, updated, expired, resent, declined
        String first = events.create(org, "first@example.com", EPOCH);
        events.everyChange(org, first, "first@example.com");
        // created without inviter and labels (nulls), an email that failed once then went out, accepted
        String second = UUID.randomUUID().toString();
        InvitationCreated created = events.created(second, org, "second@example.com", "member", null, "admin-1", EPOCH);
        events.write(second, 0, new InvitationCreated(created.invitationId(), org, created.invitedEmail(),
                created.roles(), null, null, true, created.tokenHash(), created.expirationTime(), "de", "Acme Corp",
                "https://app.example.com/welcome", Map.of("plan", "pro", "seats", 3), created.createdBy(),
                created.createTime()));
        events.write(second, 1, new InvitationEmailFailed(second, org, "second@example.com", 1, 1,
                "421 try again later", true, EPOCH.plusSeconds(1)));
        events.write(second, 2, new InvitationEmailSent(second, org, "second@example.com", 1, 2, EPOCH.plusSeconds(11)));
        events.write(second, 3, events.accepted(org, second, "second@example.com"));
        // created, revoked without a reason (a cancel), erased
        String third = events.create(org, "third@example.com", EPOCH);
        events.write(third, 1, new InvitationRevoked(third, org, "third@example.com", null, "admin-4",
                EPOCH.plus(2, ChronoUnit.HOURS)));
        // and then erased: its entries' personal fields read null from then on
        events.write(third, 2, new PersonalDataErased(third, org, "privacy-officer", EPOCH.plus(3, ChronoUnit.HOURS)));
        int written = 5 + 4 + 3;

        JsonNode feed = eventually(() -> reader().get("/v1/orgs/" + org + "/events?limit=1000"),
                answer -> answer.body().path("events").size() == written).body().get("events");

        List<String> problems = new ArrayList<>();
        Set<String> typesSeen = new TreeSet<>();
        for (JsonNode entry : feed) {
            String type = entry.path("type").asText();
            typesSeen.add(type);
            JsonNode message = messagesByType.get(type);
            if (message == null) {
                problems.add(type + ": not a message of channel " + CHANNEL + " (described: " + messagesByType.keySet()
                        + ")");
                continue;
            }
            new SchemaCheck(asyncApi).check(entry, message.get("payload"), type, problems);
        }
        assertThat(problems).as("the feed's entries against %s", DESCRIPTION).isEmpty();
        assertThat(typesSeen).as("every described message occurs in the feed").isEqualTo(messagesByType.keySet());
    }

    @Test
    void everyInvitationEventOfSharedApiIsAMessageAndEachOfItsFieldsADataProperty() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Revision.class));
        Map<String, Set<String>> fieldsByType = new TreeMap<>();
        for (var candidate : scanner.findCandidateComponents("dev.invitations.api")) {
            Class<?> event = load(candidate.getBeanClassName());
            if (!InvitationEvent.class.isAssignableFrom(event)) {
                continue; // the feed carries the invitation events; the others (an org's settings) are not in it
            }
            fieldsByType.put(TYPE_PREFIX + event.getSimpleName(), Arrays.stream(event.getRecordComponents())
                    .map(component -> component.getName())
                    .filter(name -> !HIDDEN_FIELDS.contains(name))
                    .collect(Collectors.toCollection(TreeSet::new)));
        }
        Map<String, Set<String>> described = new TreeMap<>();
        var check = new SchemaCheck(asyncApi);
        messagesByType.forEach((type, message) -> described.put(type, new TreeSet<>(
                check.describedProperties(message.get("payload"), "data"))));

        assertThat(fieldsByType).isNotEmpty();
        assertThat(described).as("the messages of %s and their data's properties", DESCRIPTION)
                .isEqualTo(fieldsByType);
    }

    @Test
    void theCheckRefusesAnUndescribedFieldAWrongTypeAndAMissingRequiredOne() {
        String org = newOrg();
        events.create(org, "check@example.com", EPOCH);
        ObjectNode entry = (ObjectNode) eventually(() -> reader().get("/v1/orgs/" + org + "/events"),
                answer -> answer.body().path("events").size() == 1).body().get("events").get(0);
        JsonNode payload = messagesByType.get(TYPE_PREFIX + "InvitationCreated").get("payload");
        ObjectNode data = (ObjectNode) entry.get("data");
        data.put("newField", "x");
        data.put("disableInvitationEmail", "false");
        data.remove("createdBy");
        entry.put("sequence", "0");

        List<String> problems = new ArrayList<>();
        new SchemaCheck(asyncApi).check(entry, payload, "entry", problems);

        assertThat(problems).containsExactlyInAnyOrder(
                "entry.data.newField: not described",
                "entry.data.disableInvitationEmail: is string, described as boolean",
                "entry.data.createdBy: missing, described as required",
                "entry.sequence: is string, described as integer");
    }

    private static JsonNode resolve(JsonNode schema) {
        JsonNode resolved = schema;
        while (resolved.has("$ref")) {
            String reference = resolved.get("$ref").asText();
            assertThat(reference).as("a reference within the document").startsWith("#/");
            resolved = asyncApi.at(reference.substring(1));
            assertThat(resolved.isMissingNode()).as(reference).isFalse();
        }
        return resolved;
    }

    private static Class<?> load(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The part of JSON Schema docs/asyncapi.yaml uses: local {@code $ref}, {@code allOf}, {@code type} (one or a
     * list), {@code const}, {@code pattern}, {@code format: date-time}, {@code minimum}, {@code required},
     * {@code properties} and {@code additionalProperties} (a schema). Stricter than JSON Schema in one way: a field
     * that none of the schemas applying to its object names in {@code properties} or covers with
     * {@code additionalProperties} is a problem, so that every field the feed carries is described.
     */
    static final class SchemaCheck {

        private final JsonNode document;

        SchemaCheck(JsonNode document) {
            this.document = document;
        }

        /** Adds to {@code problems} each way {@code value} at {@code path} differs from {@code schema}. */
        void check(JsonNode value, JsonNode schema, String path, List<String> problems) {
            check(value, applying(schema), path, problems);
        }

        /** The property names the schema, its references and its {@code allOf} parts describe. */
        Set<String> describedProperties(JsonNode schema) {
            Set<String> names = new HashSet<>();
            applying(schema).forEach(one -> one.path("properties").fieldNames().forEachRemaining(names::add));
            return names;
        }

        /** The property names that the schemas {@code schema} describes its {@code property} with describe. */
        Set<String> describedProperties(JsonNode schema, String property) {
            Set<String> names = new HashSet<>();
            applying(schema).stream()
                    .filter(one -> one.path("properties").has(property))
                    .forEach(one -> names.addAll(describedProperties(one.get("properties").get(property))));
            return names;
        }

        /** The schema and its {@code allOf} parts, recursively, each resolved. */
        private List<JsonNode> applying(JsonNode schema) {
            List<JsonNode> all = new ArrayList<>();
            JsonNode resolved = resolved(schema);
            all.add(resolved);
            resolved.path("allOf").forEach(part -> all.addAll(applying(part)));
            return all;
        }

        private void check(JsonNode value, List<JsonNode> schemas, String path, List<String> problems) {
            int before = problems.size();
            for (JsonNode schema : schemas) {
                if (schema.has("type") && !typeMatches(value, schema.get("type"))) {
                    problems.add(path + ": is " + jsonType(value) + ", described as " + typeText(schema.get("type")));
                }
            }
            if (problems.size() > before) {
                return;
            }
            for (JsonNode schema : schemas) {
                if (schema.has("const") && !schema.get("const").equals(value)) {
                    problems.add(path + ": is " + value + ", described as " + schema.get("const"));
                }
                if (value.isTextual()) {
                    checkText(value.asText(), schema, path, problems);
                }
                if (value.isNumber() && schema.has("minimum")
                        && value.decimalValue().compareTo(schema.get("minimum").decimalValue()) < 0) {
                    problems.add(path + ": is " + value + ", described as at least " + schema.get("minimum"));
                }
                if (value.isObject()) {
                    for (JsonNode required : schema.path("required")) {
                        if (!value.has(required.asText())) {
                            problems.add(path + "." + required.asText() + ": missing, described as required");
                        }
                    }
                }
            }
            if (value.isObject()) {
                value.fields().forEachRemaining(field -> {
                    List<JsonNode> fieldSchemas = new ArrayList<>();
                    for (JsonNode schema : schemas) {
                        JsonNode property = schema.path("properties").get(field.getKey());
                        if (property != null) {
                            fieldSchemas.addAll(applying(property));
                        } else if (schema.path("additionalProperties").isObject()) {
                            fieldSchemas.addAll(applying(schema.get("additionalProperties")));
                        }
                    }
                    String fieldPath = path + "." + field.getKey();
                    if (fieldSchemas.isEmpty()) {
                        problems.add(fieldPath + ": not described");
                    } else {
                        check(field.getValue(), fieldSchemas, fieldPath, problems);
                    }
                });
            }
        }

        private static void checkText(String text, JsonNode schema, String path, List<String> problems) {
            if (schema.has("pattern") && !Pattern.compile(schema.get("pattern").asText()).matcher(text).find()) {
                problems.add(path + ": \"" + text + "\" does not match " + schema.get("pattern").asText());
            }
            if ("date-time".equals(schema.path("format").asText())) {
                try {
                    OffsetDateTime.parse(text);
                } catch (DateTimeParseException e) {
                    problems.add(path + ": \"" + text + "\" is not a date-time");
                }
            }
        }

        private JsonNode resolved(JsonNode schema) {
            JsonNode resolved = schema;
            while (resolved.has("$ref")) {
                String reference = resolved.get("$ref").asText();
                if (!reference.startsWith("#/")) {
                    throw new AssertionError("not a reference within the document: " + reference);
                }
                resolved = document.at(reference.substring(1));
                if (resolved.isMissingNode()) {
                    throw new AssertionError("a reference to nothing: " + reference);
                }
            }
            return resolved;
        }

        private static boolean typeMatches(JsonNode value, JsonNode type) {
            if (type.isArray()) {
                for (JsonNode one : type) {
                    if (typeMatches(value, one)) {
                        return true;
                    }
                }
                return false;
            }
            String expected = type.asText();
            String actual = jsonType(value);
            return expected.equals(actual) || (expected.equals("number") && actual.equals("integer"));
        }

        private static String typeText(JsonNode type) {
            if (!type.isArray()) {
                return type.asText();
            }
            return StreamSupport.stream(type.spliterator(), false).map(JsonNode::asText)
                    .collect(Collectors.joining(" or "));
        }

        private static String jsonType(JsonNode value) {
            if (value.isNull()) {
                return "null";
            }
            if (value.isBoolean()) {
                return "boolean";
            }
            if (value.isIntegralNumber()) {
                return "integer";
            }
            if (value.isNumber()) {
                return "number";
            }
            if (value.isTextual()) {
                return "string";
            }
            if (value.isArray()) {
                return "array";
            }
            return "object";
        }
    }
}
