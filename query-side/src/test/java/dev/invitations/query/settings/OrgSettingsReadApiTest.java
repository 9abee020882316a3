package dev.invitations.query.settings;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.api.org.OrgSettingsChanged;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.List;
import java.util.Map;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** An org's settings over HTTP: get with ETag and minVersion, their history, and that they stay out of the feed. */
class OrgSettingsReadApiTest extends RunningQuerySide {

    @Autowired
    private StoredOrgSettings stored;

    @Test
    void anOrgWithoutSettingsHasTheDefaultsAtVersion0AndNoHistory() {
        String org = newOrg();

        Answer settings = reader().get(settingsOf(org));

        assertThat(settings.status()).isEqualTo(200);
        assertThat(settings.header("ETag")).hasValue("\"0\"");
        assertThat(settings.body().get("displayName").isNull()).isTrue();
        assertThat(settings.body().get("allowedEmailDomains")).isEmpty();
        assertThat(settings.body().get("defaultTtl").isNull()).isTrue();
        assertThat(settings.body().get("maxSendsPerInvitationPerDay").isNull()).isTrue();
        assertThat(reader().get(settingsOf(org) + "?minVersion=0").header("Min-Version-Reached")).hasValue("true");
        assertThat(reader().get(settingsOf(org) + "/history").body().get("events")).isEmpty();
        assertThat(stored.displayName(org)).isEmpty();
    }

    @Test
    void getAnswersTheLatestSettingsWithTheirVersionAsETag() {
        String org = newOrg();
        events.writeSettings(0, events.settingsChanged(org, "Acme Corp", "admin-1"));
        events.writeSettings(1, events.settingsChanged(org, "Acme Inc", "admin-2"));

        Answer settings = reader().get(settingsOf(org) + "?minVersion=2");

        assertThat(settings.header("ETag")).hasValue("\"2\"");
        assertThat(settings.header("Min-Version-Reached")).hasValue("true");
        JsonNode body = settings.body();
        assertThat(body.get("displayName").asText()).isEqualTo("Acme Inc");
        assertThat(body.get("allowedEmailDomains").toString()).isEqualTo("[\"acme.com\",\"*.acme.co.uk\"]");
        assertThat(body.get("allowedRoles").toString()).isEqualTo("[\"member\",\"admin\"]");
        assertThat(body.get("defaultRoles").toString()).isEqualTo("[\"member\"]");
        assertThat(body.get("defaultTtl").asText()).isEqualTo("P7D");
        assertThat(body.get("maximumTtl").asText()).isEqualTo("P14D");
        assertThat(body.get("locale").asText()).isEqualTo("de");
        assertThat(body.get("redirectUrls").toString()).isEqualTo("[\"https://app.acme.com/welcome\"]");
        assertThat(body.get("maxSendsPerInvitationPerDay").asInt()).isEqualTo(5);
        assertThat(reader().get(settingsOf(org) + "?minVersion=-1").status()).isEqualTo(400);
    }

    @Test
    void anOlderChangeArrivingLateDoesNotReplaceANewerOne() {
        String org = newOrg();
        events.writeSettings(1, events.settingsChanged(org, "Newer", "admin-2"));
        eventually(() -> reader().get(settingsOf(org)), answer -> answer.header("ETag").orElse("").equals("\"2\""));

        events.writeSettings(0, events.settingsChanged(org, "Older", "admin-1"));
        String other = newOrg();
        events.writeSettings(0, events.settingsChanged(other, "Marker", "admin-1"));
        eventually(() -> reader().get(settingsOf(other)), answer -> answer.header("ETag").orElse("").equals("\"1\""));

        assertThat(reader().get(settingsOf(org)).body().get("displayName").asText()).isEqualTo("Newer");
    }

    @Test
    void historyListsEveryChangeOldestFirstWithItsActor() {
        String org = newOrg();
        events.writeSettings(0, events.settingsChanged(org, "Acme Corp", "admin-1"));
        events.writeSettings(1, events.settingsChanged(org, "Acme Inc", "admin-2"));

        JsonNode history = reader().get(settingsOf(org) + "/history").body().get("events");

        assertThat(history.findValuesAsText("type")).containsExactly("OrgSettingsChanged", "OrgSettingsChanged");
        assertThat(history.findValuesAsText("sequence")).containsExactly("0", "1");
        assertThat(history.findValuesAsText("actor")).containsExactly("admin-1", "admin-2");
        assertThat(history.get(0).get("time").asText()).isNotBlank();
        JsonNode data = history.get(1).get("data");
        assertThat(data.get("orgId").asText()).isEqualTo(org);
        assertThat(data.get("displayName").asText()).isEqualTo("Acme Inc");
        assertThat(data.get("maximumTtl").asText()).isEqualTo("P14D");
        assertThat(data.get("changedBy").asText()).isEqualTo("admin-2");
    }

    @Test
    void settingsChangesAreNeitherInTheOrgsFeedNorInvitations() {
        String org = newOrg();
        String id = events.create(org, "feed@example.com", EPOCH);
        events.writeSettings(0, events.settingsChanged(org, "Acme Corp", "admin-1"));
        events.write(id, 1, events.revoked(org, id, "feed@example.com"));

        // the feed numbers events in the order it reads them: the revocation comes after the settings change
        JsonNode feed = eventually(() -> reader().get("/v1/orgs/" + org + "/events"),
                answer -> answer.body().path("events").size() >= 2).body();
        viewAt(org, id, 1);

        assertThat(feed.get("events").findValuesAsText("type"))
                .containsExactly("invitations.v1.InvitationCreated", "invitations.v1.InvitationRevoked");
        String settingsStream = OrgSettingsChanged.aggregateIdentifierOf(org);
        assertThat(reader().get("/v1/orgs/" + org + "/invitations/" + settingsStream).status()).isEqualTo(404);
        assertThat(reader().get("/v1/orgs/" + org + "/invitations/" + settingsStream + "/history").status())
                .isEqualTo(404);
        assertThat(reader().get("/v1/orgs/" + org + "/invitations?state=ALL").body().get("invitations")).hasSize(1);
    }

    @Test
    void theDisplayNamesOfOrgsAreAtHandForTheirInvitations() {
        String named = newOrg();
        String unnamed = newOrg();
        events.writeSettings(0, events.settingsChanged(named, "Acme Corp", "admin-1"));
        events.writeSettings(0, events.settingsChanged(unnamed, null, "admin-1"));
        eventually(() -> reader().get(settingsOf(unnamed)), answer -> answer.header("ETag").orElse("").equals("\"1\""));
        eventually(() -> reader().get(settingsOf(named)), answer -> answer.header("ETag").orElse("").equals("\"1\""));

        assertThat(stored.displayName(named)).hasValue("Acme Corp");
        assertThat(stored.displayName(unnamed)).isEmpty();
        assertThat(stored.displayNames(List.of(named, unnamed, newOrg()))).isEqualTo(Map.of(named, "Acme Corp"));
        assertThat(stored.displayNames(List.of())).isEmpty();
    }

    @Test
    void readingSettingsNeedsTheReadPermissionOnTheOrg() {
        String org = newOrg();

        for (String path : List.of(settingsOf(org), settingsOf(org) + "/history")) {
            assertThat(new HttpForTests(port, null).get(path).status()).as(path).isEqualTo(401);
            assertThat(new HttpForTests(port, JwtsForTests.bearer("x", "org.settings.manage", org)).get(path).status())
                    .as(path).isEqualTo(403);
            assertThat(new HttpForTests(port, JwtsForTests.bearer("x", "org.user.read", "globex")).get(path).status())
                    .as(path).isEqualTo(403);
            assertThat(new HttpForTests(port, JwtsForTests.bearer("x", "org.user.read", org)).get(path).status())
                    .as(path).isEqualTo(200);
        }
        assertThat(reader().get("/v1/orgs/bad%20org/settings").status()).isEqualTo(400);
    }

    private static String settingsOf(String org) {
        return "/v1/orgs/" + org + "/settings";
    }
}
