package dev.invitations.query.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.invitations.query.RunningQuerySide;
import dev.invitations.testing.HttpForTests.Answer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import static dev.invitations.query.EventsForTests.EPOCH;
import static org.assertj.core.api.Assertions.assertThat;

/** Listing an org's invitations over HTTP: newest first, cursors both ways, every filter, 400s. */
class InvitationListApiTest extends RunningQuerySide {

    @Test
    void pagesOfTenWalkTwentyFiveInvitationsOnceEachWayNewestFirst() {
        String org = newOrg();
        // pairs created at the same instant: the id breaks the tie
        List<String> ids = IntStream.range(0, 25)
                .mapToObj(i -> events.create(org, "user" + i + "@example.com", EPOCH.plusSeconds(i / 2)))
                .toList();
        String base = "/v1/orgs/" + org + "/invitations?limit=10";
        String all = "/v1/orgs/" + org + "/invitations?limit=100";
        eventually(() -> reader().get(all), answer -> answer.body().path("invitations").size() == 25);

        List<List<String>> forward = new ArrayList<>();
        Answer page = reader().get(base);
        assertThat(page.body().get("prev").isNull()).isTrue();
        forward.add(idsOf(page));
        while (!page.body().get("next").isNull()) {
            page = reader().get(base + "&starting_after=" + page.body().get("next").asText());
            forward.add(idsOf(page));
        }
        assertThat(forward).extracting(List::size).containsExactly(10, 10, 5);
        List<String> walked = forward.stream().flatMap(List::stream).toList();
        assertThat(walked).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(ids);
        assertThat(walked).isEqualTo(reader().get(all).body().findValuesAsText("id"));

        List<List<String>> backward = new ArrayList<>();
        backward.add(idsOf(page));
        while (!page.body().get("prev").isNull()) {
            page = reader().get(base + "&ending_before=" + page.body().get("prev").asText());
            backward.add(0, idsOf(page));
        }
        assertThat(backward).isEqualTo(forward);
    }

    @Test
    void filtersCombineAndTheTotalCountsEveryMatch() {
        String org = newOrg();
        events.create(org, "Grace@Example.com", "admin", Map.of("team", "growth"), "alice", EPOCH);
        String wanted = events.create(org, "grace@example.COM", "admin", Map.of("team", "growth", "tier", "1"),
                "alice", EPOCH.plusSeconds(10));
        events.create(org, "grace@example.com", "member", Map.of("team", "growth", "tier", "1"), "alice",
                EPOCH.plusSeconds(20));
        events.create(org, "grace@example.com", "admin", Map.of("team", "growth", "tier", "1"), "bob",
                EPOCH.plusSeconds(30));
        String revoked = events.create(org, "linus@example.com", EPOCH.plusSeconds(40));
        events.write(revoked, 1, events.revoked(org, revoked, "linus@example.com"));
        String list = "/v1/orgs/" + org + "/invitations";
        eventually(() -> reader().get(list + "?state=ALL"), answer -> answer.body().path("invitations").size() == 5
                && answer.body().get("invitations").get(0).get("state").asText().equals("REVOKED"));

        Answer filtered = reader().get(list + "?email=GRACE@example.com&role=admin&creator=alice&label=team:growth"
                + "&label=tier:1&created_after=2026-11-21T09:00:00.123456Z&created_before=2026-11-21T10:00:15%2B01:00"
                + "&include_total=true");

        assertThat(filtered.status()).isEqualTo(200);
        assertThat(idsOf(filtered)).containsExactly(wanted);
        assertThat(filtered.body().get("totalSize").asLong()).isEqualTo(1);
        assertThat(idsOf(reader().get(list + "?state=REVOKED"))).containsExactly(revoked);
        assertThat(idsOf(reader().get(list))).hasSize(4).doesNotContain(revoked);
        assertThat(idsOf(reader().get(list + "?state=REVOKED&state=PENDING"))).hasSize(5);
        assertThat(reader().get(list).body().has("totalSize")).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "limit=0, limit",
            "limit=101, limit",
            "limit=ten, limit",
            "state=SLEEPING, state",
            "created_after=yesterday, created_after",
            "label=no-colon, label",
            "starting_after=bm90LWEtY3Vyc29y.AAAAAAAAAAAAAAAAAAAAAA, starting_after",
            "ending_before=garbage, ending_before",
            "include_total=maybe, include_total"})
    void invalidParametersAnswer400ProblemsNamingTheField(String parameter, String field) {
        Answer answer = reader().get("/v1/orgs/" + newOrg() + "/invitations?" + parameter);

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body().get("type").asText()).isEqualTo("urn:invitations:problem:invalid-request");
        assertThat(answer.body().get("title").asText()).isNotBlank();
        assertThat(answer.body().get("detail").asText()).isNotBlank();
        assertThat(answer.body().get("errors").findValuesAsText("field")).containsExactly(field);
    }

    @Test
    void aCursorOfAnotherOrgIsRefused() {
        String org = newOrg();
        IntStream.range(0, 3).forEach(i -> events.create(org, "u" + i + "@example.com", EPOCH.plusSeconds(i)));
        String next = eventually(() -> reader().get("/v1/orgs/" + org + "/invitations?limit=1"),
                answer -> !answer.body().path("next").isNull()).body().get("next").asText();

        assertThat(reader().get("/v1/orgs/" + newOrg() + "/invitations?starting_after=" + next).status())
                .isEqualTo(400);
    }

    private static List<String> idsOf(Answer page) {
        List<String> ids = new ArrayList<>();
        for (JsonNode invitation : page.body().get("invitations")) {
            ids.add(invitation.get("id").asText());
        }
        return ids;
    }
}
