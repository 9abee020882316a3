package dev.invitations.deployment;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so this checks what it can of {@code docker-compose.yml}: the services
 * it must have, how they reach each other, and that the images are built from this repository.
 */
class DockerComposeFileTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static Map<String, Map<String, Object>> services;

    @BeforeAll
    @SuppressWarnings("unchecked")
    static void parse() throws IOException {
        try (Reader reader = Files.newBufferedReader(ROOT.resolve("docker-compose.yml"))) {
            Map<String, Object> compose = new Yaml().load(reader);
            services = (Map<String, Map<String, Object>>) compose.get("services");
        }
    }

    @Test
    void runsMongoAsAnInitiatedReplicaSetWithMailpitAndBothSides() {
        assertThat(services).containsOnlyKeys("mongo", "mongo-init", "mailpit", "command-side", "query-side");
        assertThat(list(services.get("mongo"), "command")).containsSequence("--replSet", "rs0");
        assertThat(String.join(" ", list(services.get("mongo-init"), "command"))).contains("rs.initiate");
        assertThat(list(services.get("mailpit"), "ports")).contains("8025:8025", "1025:1025");
    }

    @Test
    void buildsEachSideFromThisRepositoryAndPublishesTheContractPorts() {
        for (var side : Map.of("command-side", "8080", "query-side", "8081").entrySet()) {
            Map<String, Object> service = services.get(side.getKey());
            Map<String, Object> build = map(service, "build");
            assertThat(ROOT.resolve((String) build.get("context")).resolve("Dockerfile")).exists();
            assertThat(map(build, "args")).containsEntry("SIDE", side.getKey());
            assertThat(ROOT.resolve(side.getKey()).resolve("pom.xml")).exists();
            assertThat(list(service, "ports")).containsExactly(side.getValue() + ":" + side.getValue());
            assertThat(map(service, "environment")).containsEntry("SERVER_PORT", side.getValue());
        }
    }

    @Test
    void bothSidesUseTheReplicaSetMailpitAndOneTokenSecret() {
        Map<String, Object> command = map(services.get("command-side"), "environment");
        Map<String, Object> query = map(services.get("query-side"), "environment");
        assertThat((String) command.get("SPRING_DATA_MONGODB_URI")).startsWith("mongodb://mongo:27017/")
                .contains("replicaSet=rs0");
        assertThat(command).containsEntry("SPRING_MAIL_HOST", "mailpit").containsEntry("SPRING_MAIL_PORT", "1025");
        for (String shared : List.of("SPRING_DATA_MONGODB_URI", "INVITATIONS_TOKEN_SECRET", "INVITATIONS_JWT_SECRET",
                "INVITATIONS_PERSONAL_DATA_SECRET", "INVITATIONS_API_KEY_SECRET", "INVITATIONS_WEBHOOKS_SECRET_KEY",
                "INVITATIONS_ACCEPT_URL_BASE")) {
            assertThat(query.get(shared)).as(shared).isNotNull().isEqualTo(command.get(shared));
        }
        assertThat(map(services.get("command-side"), "depends_on")).containsKeys("mongo-init", "mailpit");
    }

    @Test
    void noSecretHasAUsableDefault() {
        for (String side : List.of("command-side", "query-side")) {
            map(services.get(side), "environment").forEach((name, value) -> {
                if (name.endsWith("_SECRET") || name.endsWith("_SECRET_KEY")) {
                    // ${NAME:?message}: compose refuses to start while NAME is unset or empty
                    assertThat((String) value).as(side + " " + name).matches("\\$\\{" + name + ":\\?[^}]+}");
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Map<String, Object> parent, String key) {
        return (Map<String, Object>) parent.get(key);
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> parent, String key) {
        return (List<String>) parent.get(key);
    }
}
