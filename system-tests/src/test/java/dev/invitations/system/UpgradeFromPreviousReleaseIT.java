package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.StreamSupport;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * An upgrade: the processes of this commit open the data directory the previous release wrote (see
 * {@code previous-release/README.md}: one invitation per ending, roles as a single {@code role}). Its views, its
 * history read through the upcasters, a rebuild of its views, and commands on its invitations all work.
 */
class UpgradeFromPreviousReleaseIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLING = Duration.ofSeconds(60);
    private static final String INVITATIONS = "/v1/orgs/acme/invitations";
    private static final String MEMBER = JwtsForTests.bearer("admin-1", "org.user.invite org.user.read", "acme");
    /** What the previous release stored, by invited email: state and role. */
    private static final Map<String, List<String>> STORED = Map.of(
            "ada@example.com", List.of("PENDING", "member"),
            "Bob@Example.com", List.of("ACCEPTED", "admin"),
            "carol@example.com", List.of("DECLINED", "viewer"),
            "dan@example.com", List.of("EXPIRED", "member"),
            "eve@example.com", List.of("REVOKED", "member"),
            "hal@example.com", List.of("PENDING", "member"));

    @Test
    void theStoreOfThePreviousReleaseReadsAndTakesCommands() throws Exception {
        try (var system = new LocalSystem()) {
            try (InputStream stored = new GZIPInputStream(Objects.requireNonNull(getClass()
                    .getResourceAsStream("/previous-release/invitations-v2.mv.db.gz")))) {
                Files.copy(stored, system.dataDir().resolve("invitations-v2.mv.db"));
            }
            system.startMongo();
            int commandPort = JavaProcess.freePort();
            int queryPort = JavaProcess.freePort();
            system.startCommandSide(commandPort);
            system.startQuerySide(queryPort);
            var commands = new HttpForTests(commandPort, MEMBER);
            var reads = new HttpForTests(queryPort, MEMBER);

            // the views as the previous release stored them: every role is the only one of roles
            Map<String, JsonNode> before = listAll(reads);
            assertStoredInvitations(before, "views of the previous release");
            assertThat(ids(reads.get(INVITATIONS + "?state=ALL&role=billing-admin"))).as("role filter on an old view")
                    .containsExactly(byEmail(before, "fay@example.com").path("id").asText());

            // the history, read from the event store through the upcasters
            String bob = byEmail(before, "Bob@Example.com").path("id").asText();
            JsonNode history = ok(reads.get(INVITATIONS + "/" + bob + "/history")).body().path("events");
            Map<String, JsonNode> dataByType = new HashMap<>();
            history.forEach(event -> dataByType.put(event.path("type").asText(), event.path("data")));
            assertThat(dataByType.get("InvitationCreated").path("roles").toString()).isEqualTo("[\"member\"]");
            assertThat(dataByType.get("InvitationCreated").path("locale").asText()).isEqualTo("en");
            assertThat(dataByType.get("InvitationUpdated").path("roles").toString()).isEqualTo("[\"admin\"]");
            assertThat(dataByType.get("InvitationAccepted").path("roles").toString()).isEqualTo("[\"admin\"]");
            assertThat(dataByType.get("InvitationAccepted").path("acceptedBy").asText()).isEqualTo("user-42");

            // the views rebuilt from the old events hold the same, and the locale the old emails were written in
            Operator.rebuildViews(queryPort, SETTLING);
            Map<String, JsonNode> rebuilt = listAll(reads);
            assertStoredInvitations(rebuilt, "rebuilt views");
            rebuilt.values().forEach(view -> assertThat(view.path("locale").asText()).as(view.toString())
                    .isEqualTo("en"));

            // a command on an old invitation: resend the pending one (expired by now or not), then accept it
            String fay = byEmail(rebuilt, "fay@example.com").path("id").asText();
            Answer resent = ok(commands.post(INVITATIONS + "/" + fay + ":resend", "{\"ttl\":\"P1D\"}"));
            assertThat(resent.body().path("roles").toString()).isEqualTo("[\"billing-admin\"]");
            Answer accepted = ok(new HttpForTests(commandPort, null).post("/v1/invitations:accept",
                    JSON.createObjectNode().put("token", resent.body().path("invitationToken").asText()).toString()));
            assertThat(accepted.body().path("state").asText()).isEqualTo("ACCEPTED");
            assertThat(accepted.body().path("roles").toString()).isEqualTo("[\"billing-admin\"]");
            assertThat(accepted.body().path("labels").path("team").asText()).isEqualTo("finance");
            await("the accepted view").atMost(SETTLING).untilAsserted(() -> assertThat(
                    reads.get(INVITATIONS + "/" + fay).body().path("state").asText()).isEqualTo("ACCEPTED"));
        }
    }

    private static void assertStoredInvitations(Map<String, JsonNode> views, String what) {
        assertThat(views).as(what).hasSize(8);
        STORED.forEach((email, stateAndRole) -> {
            JsonNode view = byEmail(views, email);
            assertThat(view.path("state").asText()).as(what + ": " + email).isEqualTo(stateAndRole.get(0));
            assertThat(view.path("role").asText()).as(what + ": " + email).isEqualTo(stateAndRole.get(1));
            assertThat(view.path("roles").toString()).as(what + ": " + email)
                    .isEqualTo("[\"" + stateAndRole.get(1) + "\"]");
        });
        JsonNode fay = byEmail(views, "fay@example.com");
        assertThat(fay.path("roles").toString()).isEqualTo("[\"billing-admin\"]");
        assertThat(fay.path("inviter").asText()).isEqualTo("Grace");
        // the erased invitee's: still there, without the email
        assertThat(views.values().stream().filter(view -> view.path("erased").asBoolean()).toList()).as(what)
                .singleElement().satisfies(erased -> assertThat(erased.path("invitedEmail").isNull()).isTrue());
        assertThat(byEmail(views, "hal@example.com").path("delivery").path("lastError").asText())
                .as(what + ": the failed email's error").isNotBlank();
    }

    /** Every invitation of the org, by id. */
    private static Map<String, JsonNode> listAll(HttpForTests reads) {
        Map<String, JsonNode> views = new HashMap<>();
        ok(reads.get(INVITATIONS + "?state=ALL&limit=100")).body().path("invitations")
                .forEach(view -> views.put(view.path("id").asText(), view));
        return views;
    }

    private static JsonNode byEmail(Map<String, JsonNode> views, String email) {
        return views.values().stream().filter(view -> email.equals(view.path("invitedEmail").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no invitation of " + email + " in " + views));
    }

    private static List<String> ids(Answer list) {
        return StreamSupport.stream(ok(list).body().path("invitations").spliterator(), false)
                .map(view -> view.path("id").asText()).toList();
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.text()).isEqualTo(200);
        return answer;
    }
}
