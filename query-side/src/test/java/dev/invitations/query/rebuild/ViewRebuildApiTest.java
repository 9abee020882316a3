package dev.invitations.query.rebuild;

import dev.invitations.query.RunningQuerySide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;

import java.util.List;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** Rebuilding the views (the invitations' and the org settings') from the event store gives the very same views. */
class ViewRebuildApiTest extends RunningQuerySide {

    @Autowired
    MongoTemplate mongo;

    @Test
    void aRebuildReplaysEveryEventIntoIdenticalViews() {
        String org = newOrg();
        for (int i = 0; i < 30; i++) {
            String id = events.create(org, "r" + i + "@example.com", EPOCH.plusSeconds(i));
            if (i % 3 == 0) {
                events.everyChange(org, id, "r" + i + "@example.com");
            }
        }
        events.writeSettings(0, events.settingsChanged(org, "Acme Corp", "admin-1"));
        events.writeSettings(1, events.settingsChanged(org, "Acme Inc", "admin-2"));
        String last = events.create(org, "last@example.com", EPOCH.plusSeconds(99));
        viewAt(org, last, 0);
        eventually(this::allViews, views -> views.stream().filter(view -> org.equals(view.get("orgId"))).count() == 31
                && views.stream().filter(view -> org.equals(view.get("orgId")))
                .filter(view -> "DECLINED".equals(view.get("state"))).count() == 10);
        List<Document> before = allViews();
        List<Document> settingsBefore = allSettings();
        assertThat(settingsBefore).anyMatch(settings -> settings.get("_id").equals(org)
                && settings.get("version").equals(2L));
        var admin = new HttpForTests(port, JwtsForTests.bearer("operator", "invitations.admin"));

        var started = admin.post("/admin/views:rebuild");
        var done = eventually(() -> admin.get("/admin/views/rebuild"),
                answer -> answer.body().path("state").asText().equals("DONE"));

        assertThat(started.status()).isEqualTo(202);
        assertThat(done.body().get("replayedEvents").asLong()).isGreaterThanOrEqualTo(done.body().get("totalEvents").asLong());
        // other tests' views too, but compared whole only for this org: a view planted as an earlier release stored
        // it (InvitationViewProjectionTest) lacks fields a rebuild fills in
        assertThat(allViews()).extracting(view -> view.get("_id")).isEqualTo(before.stream().map(view -> view.get("_id"))
                .toList());
        assertThat(viewsOf(org, allViews())).isEqualTo(viewsOf(org, before));
        assertThat(allSettings()).isEqualTo(settingsBefore);
        assertThat(reader().post("/admin/views:rebuild").status()).isEqualTo(403);
    }

    private List<Document> allViews() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, "invitations");
    }

    private static List<Document> viewsOf(String org, List<Document> views) {
        return views.stream().filter(view -> org.equals(view.get("orgId"))).toList();
    }

    private List<Document> allSettings() {
        return mongo.find(new Query().with(Sort.by("_id")), Document.class, "org_settings");
    }
}
