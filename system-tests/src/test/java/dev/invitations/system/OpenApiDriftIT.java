package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/openapi.yaml is what the two sides serve: both packaged sides are started, their {@code /v3/api-docs} fetched
 * and merged, and the result compared with the checked-in file.
 * <p>
 * The merge: one {@code openapi} version (both sides must serve the same), one {@code info} naming both sides, no
 * top-level {@code servers} (each operation instead names the side that serves it, at its local address), the union
 * of the {@code paths} (a path both sides serve holds the methods of both), the union of each kind of
 * {@code components} and of {@code security} and {@code tags}. An operation or component both sides describe
 * differently, and an {@code operationId} both use, fail the test: the merged file could not say which is right.
 * Object keys are sorted (springdoc's order varies), as is each {@code required} list.
 * <p>
 * To regenerate docs/openapi.yaml after a change of either API, package both sides and run this test with the system
 * property {@code openapi.write=true}; it then writes the file instead of comparing:
 * <pre>
 * ./mvnw -B -o -q -pl command-side,query-side package -DskipTests
 * ./mvnw -B -o -q -pl system-tests verify -Dit.test=OpenApiDriftIT -Dopenapi.write=true -Dmaven.antrun.skip=true
 * </pre>
 * and commit the file with the change.
 */
class OpenApiDriftIT {

    static final Path DESCRIPTION = JavaProcess.ROOT.resolve("docs/openapi.yaml");
    static final String REGENERATE = "./mvnw -B -o -q -pl command-side,query-side package -DskipTests && "
            + "./mvnw -B -o -q -pl system-tests verify -Dit.test=OpenApiDriftIT -Dopenapi.write=true "
            + "-Dmaven.antrun.skip=true";
    private static final String COMMAND_SIDE_URL = "http://localhost:8080";
    private static final String QUERY_SIDE_URL = "http://localhost:8081";
    private static final String HEADER = """
            # The command side's and the query side's OpenAPI descriptions (/v3/api-docs) merged. Generated: do not edit.
            # OpenApiDriftIT (system-tests) fails when this file differs from what the sides serve; its Javadoc says how
            # to regenerate it. The org's event feed is described in more detail in docs/asyncapi.yaml.
            """;
    private static final List<String> TOP_LEVEL_ORDER =
            List.of("openapi", "info", "servers", "security", "tags", "paths", "components");
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLGenerator.Feature.SPLIT_LINES)
            .build());

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void docsOpenApiYamlIsBothSidesDescriptionsMerged() throws Exception {
        JsonNode command;
        JsonNode query;
        try (var system = new LocalSystem()) {
            system.startMongo();
            int commandPort = JavaProcess.freePort();
            int queryPort = JavaProcess.freePort();
            system.startCommandSide(commandPort);
            system.startQuerySide(queryPort);
            command = apiDocs(commandPort);
            query = apiDocs(queryPort);
        }
        List<String> conflicts = new ArrayList<>();
        ObjectNode merged = merge(command, query, conflicts);
        assertThat(conflicts).as("what the two sides describe differently (the merged file cannot hold both)")
                .isEmpty();

        if (Boolean.getBoolean("openapi.write")) {
            Files.writeString(DESCRIPTION, HEADER + YAML.writeValueAsString(merged), StandardCharsets.UTF_8);
            assertThat(canonical(YAML.readTree(DESCRIPTION.toFile()))).as("%s read back", DESCRIPTION)
                    .isEqualTo(merged);
            return;
        }
        assertThat(DESCRIPTION).as("the checked-in description; write it with: " + REGENERATE).exists();
        List<String> differences = new ArrayList<>();
        compare("", canonical(YAML.readTree(DESCRIPTION.toFile())), merged, differences);
        assertThat(differences)
                .as("%s differs from what the sides serve (file vs. served). If the API change is meant, regenerate "
                        + "the file and commit it with the change:%n  %s%n", DESCRIPTION, REGENERATE)
                .isEmpty();
    }

    private JsonNode apiDocs(int port) throws Exception {
        var answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v3/api-docs"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as("/v3/api-docs on port %d: %s", port, answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    /** The two descriptions as one, keys sorted; what cannot be merged goes to {@code conflicts}. */
    static ObjectNode merge(JsonNode command, JsonNode query, List<String> conflicts) {
        var nodes = JsonNodeFactory.instance;
        ObjectNode merged = nodes.objectNode();
        if (!command.path("openapi").equals(query.path("openapi"))) {
            conflicts.add("openapi: the command side serves " + command.path("openapi") + ", the query side "
                    + query.path("openapi"));
        }
        merged.set("openapi", command.path("openapi"));
        merged.set("info", info(command.path("info"), query.path("info"), conflicts));
        merged.set("security", union(command.path("security"), query.path("security")));
        ArrayNode tags = union(command.path("tags"), query.path("tags"));
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        ObjectNode paths = nodes.objectNode();
        mergePaths(command.path("paths"), COMMAND_SIDE_URL, "the command side", paths, conflicts);
        mergePaths(query.path("paths"), QUERY_SIDE_URL, "the query side", paths, conflicts);
        merged.set("paths", paths);
        ObjectNode components = nodes.objectNode();
        for (JsonNode side : List.of(command, query)) {
            side.path("components").fields().forEachRemaining(kind -> {
                ObjectNode ofKind = components.has(kind.getKey()) ? (ObjectNode) components.get(kind.getKey())
                        : components.putObject(kind.getKey());
                kind.getValue().fields().forEachRemaining(component -> putOnce(ofKind, component.getKey(),
                        component.getValue(), "components/" + kind.getKey() + "/" + component.getKey(), conflicts));
            });
        }
        merged.set("components", components);
        for (JsonNode side : List.of(command, query)) {
            side.fieldNames().forEachRemaining(name -> {
                if (!TOP_LEVEL_ORDER.contains(name) && !name.equals("servers")) {
                    putOnce(merged, name, side.get(name), name, conflicts);
                }
            });
        }
        Set<String> operationIds = new TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            String id = method.getValue().path("operationId").asText(null);
            if (HTTP_METHODS.contains(method.getKey()) && id != null && !operationIds.add(id)) {
                conflicts.add("operationId " + id + " is used twice (" + method.getKey() + " " + path.getKey() + ")");
            }
        }));
        return topLevelInOrder((ObjectNode) canonical(merged));
    }

    private static JsonNode info(JsonNode command, JsonNode query, List<String> conflicts) {
        if (!command.path("version").equals(query.path("version"))) {
            conflicts.add("info/version: the command side's is " + command.path("version") + ", the query side's "
                    + query.path("version"));
        }
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("title", "Invitations API");
        info.set("version", command.path("version"));
        info.put("description", "The invitation service's two sides in one description; each operation names the "
                + "side that serves it in its servers (the local addresses of ./run-local.sh).\n\n"
                + "The command side (" + command.path("title").asText() + "): " + command.path("description").asText()
                + "\n\nThe query side (" + query.path("title").asText() + "): " + query.path("description").asText());
        return info;
    }

    private static void mergePaths(JsonNode sidePaths, String serverUrl, String side, ObjectNode paths,
                                   List<String> conflicts) {
        ObjectNode server = JsonNodeFactory.instance.objectNode().put("url", serverUrl).put("description", side);
        sidePaths.fields().forEachRemaining(path -> {
            ObjectNode item = paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey())
                    : paths.putObject(path.getKey());
            path.getValue().fields().forEachRemaining(field -> {
                JsonNode value = field.getValue();
                if (HTTP_METHODS.contains(field.getKey())) {
                    ObjectNode operation = value.deepCopy();
                    operation.putArray("servers").add(server);
                    value = operation;
                }
                putOnce(item, field.getKey(), value, "paths/" + path.getKey() + "/" + field.getKey(), conflicts);
            });
        });
    }

    private static void putOnce(ObjectNode target, String name, JsonNode value, String where, List<String> conflicts) {
        JsonNode present = target.get(name);
        if (present == null) {
            target.set(name, value);
        } else if (!canonical(present).equals(canonical(value))) {
            conflicts.add(where + ": the sides describe it differently");
        }
    }

    /** The elements of both arrays, each once, sorted. */
    private static ArrayNode union(JsonNode first, JsonNode second) {
        Map<String, JsonNode> elements = new TreeMap<>();
        for (JsonNode array : List.of(first, second)) {
            array.forEach(element -> elements.put(canonical(element).toString(), canonical(element)));
        }
        ArrayNode union = JsonNodeFactory.instance.arrayNode();
        elements.values().forEach(union::add);
        return union;
    }

    /** The same JSON with the keys of each object sorted, and each list of {@code required} names. */
    static JsonNode canonical(JsonNode node) {
        if (node.isArray()) {
            ArrayNode array = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> array.add(canonical(element)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        Map<String, JsonNode> sorted = new TreeMap<>();
        node.fields().forEachRemaining(field -> sorted.put(field.getKey(), canonical(field.getValue())));
        if (sorted.get("required") instanceof ArrayNode required && isStrings(required)) {
            sorted.put("required", sortedStrings(required));
        }
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        sorted.forEach(object::set);
        return object;
    }

    /** The description's first keys in their conventional order, the others after them, sorted. */
    private static ObjectNode topLevelInOrder(ObjectNode description) {
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        TOP_LEVEL_ORDER.stream().filter(description::has).forEach(name -> ordered.set(name, description.get(name)));
        description.fields().forEachRemaining(field -> {
            if (!ordered.has(field.getKey())) {
                ordered.set(field.getKey(), field.getValue());
            }
        });
        return ordered;
    }

    private static boolean isStrings(ArrayNode array) {
        for (JsonNode element : array) {
            if (!element.isTextual()) {
                return false;
            }
        }
        return true;
    }

    private static ArrayNode sortedStrings(ArrayNode strings) {
        Set<String> sorted = new TreeSet<>();
        strings.forEach(element -> sorted.add(element.asText()));
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        sorted.forEach(array::add);
        return array;
    }

    /** Each place where {@code file} and {@code served} differ, as a JSON pointer with both values. */
    private static void compare(String pointer, JsonNode file, JsonNode served, List<String> differences) {
        if (file.equals(served)) {
            return;
        }
        if (file.isObject() && served.isObject()) {
            Set<String> names = new TreeSet<>();
            file.fieldNames().forEachRemaining(names::add);
            served.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                compare(pointer + "/" + name.replace("~", "~0").replace("/", "~1"), file.path(name),
                        served.path(name), differences);
            }
            return;
        }
        if (file.isArray() && served.isArray() && file.size() == served.size()) {
            Iterator<JsonNode> servedElements = served.elements();
            int index = 0;
            for (JsonNode element : file) {
                compare(pointer + "/" + index++, element, servedElements.next(), differences);
            }
            return;
        }
        differences.add(pointer + ": file " + abbreviated(file) + " vs. served " + abbreviated(served));
    }

    private static String abbreviated(JsonNode node) {
        String text = node.isMissingNode() ? "(absent)" : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
