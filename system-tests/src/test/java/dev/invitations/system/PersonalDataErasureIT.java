package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import dev.invitations.testing.HttpForTests.Answer;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Personal data erasure (crypto-shredding) seen from outside, on the packaged processes: once a person of an org is
 * erased, no API shows their email (get, list and its {@code email} filter, history, feed, lookup, the export), their
 * pending invitation's link answers 410, no file of the embedded server holds the address after a compaction, a
 * rebuild of the views brings none of it back, someone else's invitations keep theirs, and the address can be invited
 * again.
 */
class PersonalDataErasureIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration SETTLING = Duration.ofSeconds(60);
    private static final String ORG = "acme";
    private static final String INVITATIONS = "/v1/orgs/" + ORG + "/invitations";
    private static final String ERASE = "/v1/orgs/" + ORG + "/personalData:erase";
    private static final String EXPORT = "/v1/orgs/" + ORG + "/personalData";
    /** The person to forget, as the list compares it: their invitations use several spellings of it. */
    private static final String ERASED = "erased@example.com";
    private static final String KEPT = "kept@example.com";
    /** The user reference the erased person accepted with: personal data too ({@code acceptedBy}). */
    private static final String ACCEPTED_BY = "user-of-the-erased-person-4711";

    /** Every permission on the org's invitations, but not {@code org.privacy.manage}. */
    private static final String MEMBER = JwtsForTests.bearer("admin-1", "org.user.invite org.user.read", ORG);
    private static final String PRIVACY = JwtsForTests.bearer("dpo-1", "org.privacy.manage", ORG);

    @Test
    void anErasedPersonsEmailLeavesEveryApiAndEveryFileWhileOthersKeepTheirs() throws Exception {
        // the answers to bad input are checked softly: a wrong one fails the test at the end (or is attached to an
        // earlier failure), without hiding what the erasure itself does
        var inputChecks = new SoftAssertions();
        try (var system = new LocalSystem().allowTtlsFrom("PT1S")) {
            try {
                eraseAndLookEverywhere(system, inputChecks);
            } catch (Exception | AssertionError failure) {
                inputChecks.errorsCollected().forEach(failure::addSuppressed);
                throw failure;
            }
        }
        inputChecks.assertAll();
    }

    private static void eraseAndLookEverywhere(LocalSystem system, SoftAssertions inputChecks) throws Exception {
        system.startMongo();
        int commandPort = JavaProcess.freePort();
        int queryPort = JavaProcess.freePort();
        system.startCommandSide(commandPort);
        system.startQuerySide(queryPort);
        // a second query side: it reads the same histories, with a key cache of its own
        int secondQueryPort = JavaProcess.freePort();
        system.startQuerySide(secondQueryPort);
        var secondReads = new HttpForTests(secondQueryPort, MEMBER);
        var commands = new HttpForTests(commandPort, MEMBER);
        var reads = new HttpForTests(queryPort, MEMBER);
        var anonymous = new HttpForTests(commandPort, null);
        var anonymousReads = new HttpForTests(queryPort, null);

        // one PENDING invitation per (org, email) at a time: the accepted and the expired one come first
        JsonNode accepted = create(commands, "Erased@Example.com", "P1D");
        String acceptedId = accepted.get("id").asText();
        String acceptedToken = accepted.get("invitationToken").asText();
        Answer acceptance = anonymous.post("/v1/invitations:accept", JSON.createObjectNode()
                .put("token", acceptedToken).put("acceptedBy", ACCEPTED_BY).toString());
        assertThat(acceptance.status()).as("accept: " + acceptance.text()).isEqualTo(200);

        String expiredId = create(commands, "erased@example.com", "PT1S").get("id").asText();
        awaitView(reads, expiredId, view -> assertThat(view.path("state").asText()).isEqualTo("EXPIRED"));

        JsonNode pending = create(commands, "ERASED@example.com ", "P1D");
        String pendingId = pending.get("id").asText();
        String pendingToken = pending.get("invitationToken").asText();
        String keptId = create(commands, KEPT, "P1D").get("id").asText();
        Set<String> erasedIds = Set.of(acceptedId, expiredId, pendingId);

        // before: every API shows the email, so its absence later means something
        awaitView(reads, acceptedId, view -> assertThat(view.path("acceptedBy").asText()).isEqualTo(ACCEPTED_BY));
        awaitView(reads, pendingId,
                view -> assertThat(view.path("invitedEmail").asText()).isEqualToIgnoringCase(ERASED));
        awaitView(reads, keptId, view -> assertThat(view.path("invitedEmail").asText()).isEqualTo(KEPT));
        assertThat(listedIds(reads, ERASED)).as("listed by email before the erasure")
                .containsExactlyInAnyOrderElementsOf(erasedIds);
        assertThat(lower(ok(reads.get(INVITATIONS + "/" + acceptedId + "/history")).text()))
                .as("history before the erasure").contains(ERASED, ACCEPTED_BY.toLowerCase(Locale.ROOT));
        awaitFeed(reads, feed -> assertThat(lower(feed.text())).as("feed before the erasure").contains(ERASED, KEPT));
        assertThat(lower(ok(anonymousReads.get("/v1/invitations:lookup?token=" + encoded(pendingToken))).text()))
                .as("lookup before the erasure").contains(ERASED);

        // the right of access: every invitation of the person, each with its history
        Answer export = new HttpForTests(queryPort, PRIVACY).get(EXPORT + "?email=" + encoded("ERASED@example.com"));
        assertThat(export.status()).as("export: " + export.text()).isEqualTo(200);
        assertThat(ids(export.body().path("invitations"))).as("exported invitations")
                .containsExactlyInAnyOrderElementsOf(erasedIds);
        for (JsonNode invitation : export.body().path("invitations")) {
            assertThat(invitation.path("invitedEmail").asText()).as("exported " + invitation)
                    .isEqualToIgnoringCase(ERASED);
            assertThat(invitation.path("history").isArray()).as("history array of " + invitation).isTrue();
            assertThat(invitation.path("history")).as("exported history of " + invitation.path("id")).isNotEmpty();
            assertThat(invitation.path("history").get(0).path("type").asText()).as("first exported event")
                    .contains("InvitationCreated");
        }

        // without org.privacy.manage: 403 on both sides, nothing erased (the erasure below still revokes)
        assertThat(reads.get(EXPORT + "?email=" + encoded(ERASED)).status()).as("export without the scope")
                .isEqualTo(403);
        assertThat(commands.post(ERASE, "{\"email\":\"" + ERASED + "\"}").status()).as("erase without the scope")
                .isEqualTo(403);
        assertThat(anonymous.post(ERASE, "{\"email\":\"" + ERASED + "\"}").status()).as("erase without a token")
                .isEqualTo(401);
        // bad input: 400 problem+json (unknown fields are ignored, as on every call of the command side)
        var privacyCommands = new HttpForTests(commandPort, PRIVACY);
        for (String badBody : List.of("{}", "{\"email\":\"not-an-email\"}", "{\"email\":\"   \"}",
                "{\"email\":42}", "email=" + ERASED, "{\"email\":")) {
            assertProblem(inputChecks, privacyCommands.post(ERASE, badBody), 400, "erase " + badBody);
        }
        var privacyReads = new HttpForTests(queryPort, PRIVACY);
        assertProblem(inputChecks, privacyReads.get(EXPORT), 400, "export without an email");
        assertProblem(inputChecks, privacyReads.get(EXPORT + "?email=not-an-email"), 400, "export of not-an-email");

        // the second query side has just read the person's keys: they are in its cache when the erasure comes
        for (String id : erasedIds) {
            assertThat(secondReads.get("/v1/orgs/" + ORG + "/invitations/" + id + "/history").text())
                    .containsIgnoringCase(ERASED);
        }

        // the erasure, of the address as a person may type it
        Answer erasure = privacyCommands.post(ERASE, JSON.createObjectNode()
                .put("email", "  ERASED@Example.com ").toString());
        assertThat(erasure.status()).as("erase: " + erasure.text()).isEqualTo(200);
        assertThat(ids(erasure.body().path("invitations"))).as("the erasure's invitations")
                .containsExactlyInAnyOrderElementsOf(erasedIds);
        assertThat(ids(erasure.body().path("revoked"))).as("the erasure's revoked").containsExactly(pendingId);
        assertThat(erasure.body().path("revoked").get(0).path("state").asText()).as("the revoked one's state")
                .isEqualTo("REVOKED");
        erasure.body().path("invitations").forEach(PersonalDataErasureIT::assertErased);
        erasure.body().path("revoked").forEach(PersonalDataErasureIT::assertErased);
        assertNoPlaintext(erasure.text(), "the erasure's answer");
        // answered only once no instance holds the key any more: the histories, read from the event store, at once
        for (String id : erasedIds) {
            assertNoPlaintext(secondReads.get("/v1/orgs/" + ORG + "/invitations/" + id + "/history").text(),
                    "the history on the second query side right after the erasure");
        }
        assertErasedEverywhere(secondReads, anonymousReads, privacyReads, erasedIds, keptId, pendingId, acceptedId,
                expiredId, pendingToken, acceptedToken);

        assertErasedEverywhere(reads, anonymousReads, privacyReads, erasedIds, keptId, pendingId, acceptedId,
                expiredId, pendingToken, acceptedToken);
        Answer lateAccept = anonymous.post("/v1/invitations:accept", "{\"token\":\"" + pendingToken + "\"}");
        assertThat(lateAccept.status()).as("accepting the erased pending invitation: " + lateAccept.text())
                .isEqualTo(410);
        assertNoPlaintext(lateAccept.text(), "the refused accept");

        // on disk: gone from every file once compacted, while the other person's address is still there
        assertThat(privacyCommands.post("/admin/storage:compact").status()).as("compact without the admin scope")
                .isEqualTo(403);
        compact(commandPort);
        assertDataDirectory(system.dataDir(), "after the compaction");

        // a rebuild of the views brings nothing back
        Operator.rebuildViews(queryPort, SETTLING);
        assertErasedEverywhere(reads, anonymousReads, privacyReads, erasedIds, keptId, pendingId, acceptedId,
                expiredId, pendingToken, acceptedToken);
        assertDataDirectory(system.dataDir(), "after the rebuild");
        compact(commandPort);
        assertDataDirectory(system.dataDir(), "after the rebuild and another compaction");

        // the address can be invited again, and is shown again
        JsonNode again = create(commands, ERASED, "P1D");
        assertThat(again.path("invitedEmail").asText()).as("the new invitation").isEqualTo(ERASED);
        assertThat(again.path("erased").isBoolean() && !again.path("erased").asBoolean())
                .as("\"erased\": false in the new invitation " + again).isTrue();
        String againId = again.get("id").asText();
        awaitView(reads, againId, view -> {
            assertThat(view.path("invitedEmail").asText()).isEqualTo(ERASED);
            assertThat(view.path("erased").isBoolean() && !view.path("erased").asBoolean())
                    .as("\"erased\": false in " + view).isTrue();
        });
        assertThat(listedIds(reads, ERASED)).as("listed by the erased email once invited again")
                .containsExactly(againId);
    }

    /** Every API of the query side, once the views have caught up with the erasure. */
    private static void assertErasedEverywhere(HttpForTests reads, HttpForTests anonymousReads,
                                               HttpForTests privacyReads, Set<String> erasedIds, String keptId,
                                               String pendingId, String acceptedId, String expiredId,
                                               String pendingToken, String acceptedToken) {
        awaitView(reads, pendingId, view -> {
            assertErased(view);
            assertThat(view.path("state").asText()).isEqualTo("REVOKED");
        });
        awaitView(reads, acceptedId, view -> {
            assertErased(view);
            assertThat(view.path("state").asText()).isEqualTo("ACCEPTED");
        });
        awaitView(reads, expiredId, view -> {
            assertErased(view);
            assertThat(view.path("state").asText()).isEqualTo("EXPIRED");
        });
        for (String id : erasedIds) {
            Answer history = ok(reads.get(INVITATIONS + "/" + id + "/history"));
            assertNoPlaintext(history.text(), "history of " + id);
            List<String> types = new ArrayList<>();
            history.body().path("events").forEach(event -> types.add(event.path("type").asText()));
            assertThat(types).as("history of " + id).anyMatch(type -> type.endsWith("PersonalDataErased"));
        }
        assertThat(listedIds(reads, ERASED)).as("listed by the erased email").isEmpty();
        assertThat(listedIds(reads, "Erased@EXAMPLE.com")).as("listed by the erased email, other spelling")
                .isEmpty();
        Answer all = ok(reads.get(INVITATIONS + "?state=ALL&limit=100"));
        assertThat(ids(all.body().path("invitations"))).as("the org's list keeps every invitation")
                .containsAll(erasedIds).contains(keptId);
        assertNoPlaintext(all.text(), "the org's list");

        awaitFeed(reads, feed -> {
            List<String> erasedSubjects = new ArrayList<>();
            feed.events().forEach(event -> {
                if (event.path("type").asText().equals("invitations.v1.PersonalDataErased")) {
                    erasedSubjects.add(event.path("subject").asText());
                }
            });
            assertThat(erasedSubjects).as("PersonalDataErased events in the feed").containsExactlyInAnyOrderElementsOf(
                    erasedIds.stream().map(id -> "orgs/" + ORG + "/invitations/" + id).toList());
            assertNoPlaintext(feed.text(), "the feed");
            assertThat(lower(feed.text())).as("the feed keeps the other person's email").contains(KEPT);
        });

        for (String token : List.of(pendingToken, acceptedToken)) {
            assertNoPlaintext(anonymousReads.get("/v1/invitations:lookup?token=" + encoded(token)).text(),
                    "lookup by token");
        }
        Answer export = privacyReads.get(EXPORT + "?email=" + encoded(ERASED));
        assertThat(export.status()).as("export after the erasure: " + export.text()).isEqualTo(200);
        assertNoPlaintext(export.text(), "the export after the erasure");
        export.body().path("invitations").forEach(PersonalDataErasureIT::assertErased);

        awaitView(reads, keptId, view -> {
            assertThat(view.path("invitedEmail").asText()).isEqualTo(KEPT);
            assertThat(view.path("state").asText()).isEqualTo("PENDING");
            assertThat(view.path("erased").asBoolean()).as("erased").isFalse();
        });
        assertThat(listedIds(reads, KEPT)).as("listed by the other person's email").containsExactly(keptId);
    }

    private static void assertErased(JsonNode invitation) {
        assertThat(invitation.has("invitedEmail") && invitation.get("invitedEmail").isNull())
                .as("\"invitedEmail\": null in " + invitation).isTrue();
        assertThat(invitation.path("erased").isBoolean() && invitation.path("erased").asBoolean())
                .as("\"erased\": true in " + invitation).isTrue();
        assertThat(invitation.path("acceptedBy").isMissingNode() || invitation.path("acceptedBy").isNull())
                .as("acceptedBy null in " + invitation).isTrue();
        assertNoPlaintext(invitation.toString(), "invitation " + invitation.path("id"));
    }

    private static void assertNoPlaintext(String text, String where) {
        assertThat(lower(text)).as(where).doesNotContain(ERASED).doesNotContain(ACCEPTED_BY.toLowerCase(Locale.ROOT));
    }

    private static void assertProblem(SoftAssertions softly, Answer answer, int status, String what) {
        softly.assertThat(answer.status()).as(what + ": " + answer.text()).isEqualTo(status);
        softly.assertThat(answer.contentType()).as(what + " content type").startsWith("application/problem+json");
    }

    private static JsonNode create(HttpForTests commands, String email, String ttl) {
        ObjectNode body = JSON.createObjectNode().put("invitedEmail", email).put("role", "member").put("ttl", ttl)
                .put("disableInvitationEmail", true);
        Answer created = commands.post(INVITATIONS, body.toString());
        assertThat(created.status()).as("create for " + email + ": " + created.text()).isEqualTo(201);
        return created.body();
    }

    /** Waits until the query side's view of {@code id} passes {@code check}; fails with the last failure. */
    private static void awaitView(HttpForTests reads, String id, Consumer<JsonNode> check) {
        await("the view of " + id).atMost(SETTLING).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    Answer view = reads.get(INVITATIONS + "/" + id);
                    assertThat(view.status()).as("GET " + id + ": " + view.text()).isEqualTo(200);
                    check.accept(view.body());
                });
    }

    /** The org's whole feed, walked with {@code after} cursors, and its pages' text. */
    private record Feed(List<JsonNode> events, String text) {
    }

    private static void awaitFeed(HttpForTests reads, Consumer<Feed> check) {
        await("the org's feed").atMost(SETTLING).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> check.accept(feed(reads)));
    }

    private static Feed feed(HttpForTests reads) {
        List<JsonNode> events = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (String cursor = null; ; ) {
            Answer page = ok(reads.get("/v1/orgs/" + ORG + "/events?limit=1000"
                    + (cursor == null ? "" : "&after=" + encoded(cursor))));
            text.append(page.text());
            if (page.body().path("events").isEmpty()) {
                return new Feed(events, text.toString());
            }
            page.body().path("events").forEach(events::add);
            cursor = page.body().path("next").asText();
        }
    }

    private static List<String> listedIds(HttpForTests reads, String email) {
        Answer list = ok(reads.get(INVITATIONS + "?state=ALL&limit=100&email=" + encoded(email)));
        return ids(list.body().path("invitations"));
    }

    private static List<String> ids(JsonNode invitations) {
        List<String> ids = new ArrayList<>();
        invitations.forEach(invitation -> ids.add(invitation.path("id").asText()));
        return ids;
    }

    private static void compact(int commandPort) {
        Answer compaction = new HttpForTests(commandPort, Operator.BEARER).post("/admin/storage:compact");
        assertThat(compaction.status()).as("compact: " + compaction.text()).isEqualTo(200);
    }

    /** Reads every file under the data directory as bytes: the erased address in none, the other in one at least. */
    private static void assertDataDirectory(Path dataDir, String when) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dataDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("files under " + dataDir).isNotEmpty();
        List<String> holdingErased = new ArrayList<>();
        List<String> holdingAcceptedBy = new ArrayList<>();
        List<String> holdingKept = new ArrayList<>();
        for (Path file : files) {
            String content = lower(new String(read(file), StandardCharsets.ISO_8859_1));
            if (content.contains(ERASED)) {
                holdingErased.add(file.getFileName() + " (" + Files.size(file) + " bytes)");
            }
            if (content.contains(ACCEPTED_BY.toLowerCase(Locale.ROOT))) {
                holdingAcceptedBy.add(file.getFileName().toString());
            }
            if (content.contains(KEPT)) {
                holdingKept.add(file.getFileName().toString());
            }
        }
        assertThat(holdingErased).as("files holding " + ERASED + " " + when).isEmpty();
        assertThat(holdingAcceptedBy).as("files holding " + ACCEPTED_BY + " " + when).isEmpty();
        assertThat(holdingKept).as("files holding " + KEPT + " " + when + " (the search finds what is there)")
                .isNotEmpty();
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Answer ok(Answer answer) {
        assertThat(answer.status()).as(answer.raw().uri() + ": " + answer.text()).isEqualTo(200);
        return answer;
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
