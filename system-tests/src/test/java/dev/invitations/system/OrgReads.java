package dev.invitations.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.security.JwtsForTests;
import dev.invitations.testing.HttpForTests;
import org.awaitility.core.ConditionTimeoutException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One org's reads on one query side, made as a client makes them: the list walked with cursors, each invitation's
 * view, and the feed walked with {@code after}; each waits, up to {@code settling}, for the views to catch up.
 */
final class OrgReads {

    static final String ADMIN = JwtsForTests.bearer("admin-1", JwtsForTests.EVERYTHING, "*");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** One event of the feed: its id, its type's simple name and its invitation's id. */
    record FeedEvent(String id, String type, String invitationId) {
    }

    private final int queryPort;
    private final String org;
    private final Duration settling;

    OrgReads(int queryPort, String org, Duration settling) {
        this.queryPort = queryPort;
        this.org = org;
        this.settling = settling;
    }

    /** Every id in the org's list of invitations in any state, page by page, each page counting {@code total}. */
    List<String> listed(long total) throws Exception {
        List<String> ids = new ArrayList<>();
        String path = "/v1/orgs/" + org + "/invitations?state=ALL&include_total=true&limit=100";
        for (String cursor = null; ; ) {
            JsonNode page = get(path + (cursor == null ? "" : "&starting_after=" + encoded(cursor)));
            assertThat(page.get("totalSize").asLong()).isEqualTo(total);
            page.get("invitations").forEach(invitation -> ids.add(invitation.get("id").asText()));
            if (page.path("next").isNull() || page.path("next").isMissingNode()) {
                return ids;
            }
            cursor = page.get("next").asText();
        }
    }

    /** The version of the invitation's view once it has reached {@code expected}, or the last one seen (-1: none). */
    long versionOf(String id, long expected) {
        var seen = new AtomicLong(-1);
        try {
            // a read waits a little itself (minVersion); one answered at once (404, or 503 while the query side's
            // storage is not back yet) is not repeated at once. Polled in this thread: no read is still under way
            // when it gives up, so the version returned is the last one read
            await().atMost(settling).pollInSameThread().pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                    .until(() -> {
                        seen.set(versionNow(id, expected));
                        return seen.get() >= expected;
                    });
        } catch (ConditionTimeoutException stillBehind) {
            // the caller's assertion on the version says what was expected
        }
        return seen.get();
    }

    /** The version of the invitation's view, read with {@code minVersion} (-1: none). */
    private long versionNow(String id, long expected) {
        try {
            var answer = send(queryPort, "GET", "/v1/orgs/" + org + "/invitations/" + id + "?minVersion=" + expected,
                    ADMIN, null);
            return answer.statusCode() != 200 ? -1
                    : Long.parseLong(answer.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The org's feed, walked with {@code after} cursors as a subscriber does, until it holds every one of the
     * {@code expected} event ids or {@code settling} has passed.
     */
    List<FeedEvent> feed(Collection<String> expected) throws Exception {
        Set<String> missing = new HashSet<>(expected);
        List<FeedEvent> events = new ArrayList<>();
        String path = "/v1/orgs/" + org + "/events?limit=50&wait=2";
        String invitations = "orgs/" + org + "/invitations/";
        long deadline = System.nanoTime() + settling.toNanos();
        for (String cursor = null; !missing.isEmpty() && System.nanoTime() < deadline; ) {
            JsonNode page = get(path + (cursor == null ? "" : "&after=" + encoded(cursor)));
            for (JsonNode event : page.get("events")) {
                events.add(new FeedEvent(event.get("id").asText(),
                        event.get("type").asText().substring("invitations.v1.".length()),
                        event.get("subject").asText().substring(invitations.length())));
                missing.remove(event.get("id").asText());
            }
            if (page.hasNonNull("next")) {
                cursor = page.get("next").asText();
            }
        }
        return events;
    }

    private JsonNode get(String path) throws Exception {
        var answer = send(queryPort, "GET", path, ADMIN, null);
        assertThat(answer.statusCode()).as(path + ": " + answer.body()).isEqualTo(200);
        return JSON.readTree(answer.body());
    }

    static HttpResponse<String> send(int port, String method, String path, String bearer, String body)
            throws IOException, InterruptedException {
        var request = HttpForTests.request(method, URI.create("http://127.0.0.1:" + port + path), body, bearer)
                .timeout(Duration.ofSeconds(30));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encoded(String cursor) {
        return URLEncoder.encode(cursor, StandardCharsets.UTF_8);
    }
}
