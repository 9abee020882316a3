package dev.invitations.query.web;

import dev.invitations.query.RunningQuerySide;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /v1/me/invitations}: the signed-in invitee's pending invitations in every org, over HTTP. */
class InviteeListApiTest extends RunningQuerySide {

    @Test
    void listsThePendingInvitationsToTheVerifiedEmailAcrossOrgsNewestFirst() {
        String invitee = "ada-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String acme = newOrg();
        String globex = newOrg();
        String first = events.create(acme, invitee, EPOCH);
        String second = events.create(globex, invitee.toUpperCase(), EPOCH.plusSeconds(1));
        String accepted = events.create(globex, invitee, EPOCH.plusSeconds(2));
        events.write(accepted, 1, events.accepted(globex, accepted, invitee));
        String someoneElses = events.create(acme, "bob-" + invitee, EPOCH.plusSeconds(3));
        var me = new HttpForTests(port, JwtsForTests.invitee("ada", invitee, true));

        Answer mine = eventually(() -> me.get("/v1/me/invitations"),
                answer -> answer.body().path("invitations").size() == 2);

        assertThat(mine.body().findValuesAsText("id")).containsExactly(second, first);
        assertThat(mine.body().path("invitations").get(0).path("orgId").asText()).isEqualTo(globex);
        assertThat(mine.body().path("invitations").get(0).path("roles").toString()).isEqualTo("[\"member\"]");
        assertThat(mine.body().path("invitations").get(0).has("locale")).isTrue();
        assertThat(mine.text()).doesNotContain(someoneElses).doesNotContain(accepted);

        Answer firstPage = me.get("/v1/me/invitations?limit=1");
        assertThat(firstPage.body().findValuesAsText("id")).containsExactly(second);
        Answer nextPage = me.get("/v1/me/invitations?limit=1&starting_after="
                + firstPage.body().path("next").asText());
        assertThat(nextPage.body().findValuesAsText("id")).containsExactly(first);
        assertThat(nextPage.body().path("next").isNull()).isTrue();

        // a cursor of an org's list means nothing here
        String orgCursor = reader().get("/v1/orgs/" + acme + "/invitations?limit=1&state=ALL").body().path("next")
                .asText();
        assertThat(me.get("/v1/me/invitations?starting_after=" + orgCursor).status()).isEqualTo(400);
    }

    @Test
    void needsAVerifiedEmailAndNothingElse() {
        assertThat(new HttpForTests(port, null).get("/v1/me/invitations").status()).isEqualTo(401);
        Answer unverified = new HttpForTests(port, JwtsForTests.invitee("eve", "eve@example.com", false))
                .get("/v1/me/invitations");
        assertThat(unverified.status()).isEqualTo(403);
        assertThat(unverified.contentType()).startsWith("application/problem+json");
        assertThat(new HttpForTests(port, JwtsForTests.bearer("admin", JwtsForTests.EVERYTHING, "*"))
                .get("/v1/me/invitations").status()).as("an admin's token has no email").isEqualTo(403);
        for (String limit : List.of("0", "101", "ten")) {
            assertThat(new HttpForTests(port, JwtsForTests.invitee("eve", "eve@example.com", true))
                    .get("/v1/me/invitations?limit=" + limit).status()).as(limit).isEqualTo(400);
        }
    }
}
