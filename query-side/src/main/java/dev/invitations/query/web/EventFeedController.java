package dev.invitations.query.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.query.feed.CloudEvent;
import dev.invitations.query.feed.FeedPage;
import dev.invitations.query.feed.OrgEventFeed;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** The org's audit feed as CloudEvents, for consumers that resume from the cursor they last processed. */
@RestController
class EventFeedController {

    private static final int MAX_WAIT_SECONDS = 30;

    private static final String NDJSON = "application/x-ndjson";

    private final OrgEventFeed feed;
    private final ObjectMapper json;

    EventFeedController(OrgEventFeed feed, ObjectMapper json) {
        this.feed = feed;
        this.json = json;
    }

    /**
     * The whole feed (after {@code after}) as NDJSON, one CloudEvent a line exactly as the JSON feed shows it,
     * written while it is read from MongoDB a page at a time, for audit exports. It takes no {@code limit} nor
     * {@code wait}: it ends once it has written the last event stored.
     */
    @GetMapping(path = "/v1/orgs/{orgId}/events", produces = NDJSON)
    void export(@PathVariable String orgId, @RequestParam(required = false) String after,
                @RequestParam(required = false) String limit, @RequestParam(required = false) String wait,
                HttpServletResponse response) throws IOException {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        if (after != null && !OrgEventFeed.isCursor(after)) {
            parameters.violation("after", "is not a cursor of this feed");
        }
        if (limit != null) {
            parameters.violation("limit", "an NDJSON export has no limit: it streams the whole feed");
        }
        if (wait != null) {
            parameters.violation("wait", "an NDJSON export does not wait: it ends at the last event stored");
        }
        parameters.check();
        response.setContentType(NDJSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        OutputStream out = response.getOutputStream();
        feed.export(orgId, after == null ? OrgEventFeed.START : after, new OrgEventFeed.ExportSink() {
            @Override
            public void event(CloudEvent event) throws IOException {
                out.write(json.writeValueAsBytes(event));
                out.write('\n');
            }

            @Override
            public void pageDone() throws IOException {
                out.flush();
            }
        });
    }

    @GetMapping("/v1/orgs/{orgId}/events")
    FeedPage events(@PathVariable String orgId,
                    @RequestParam(required = false) String after,
                    @RequestParam(required = false) String limit,
                    @RequestParam(required = false) String wait) {
        var parameters = new QueryParameters();
        parameters.orgId(orgId);
        if (after != null && !OrgEventFeed.isCursor(after)) {
            parameters.violation("after", "is not a cursor of this feed");
        }
        int count = parameters.intIn("limit", limit, 100, 1, 1000);
        int waitSeconds = parameters.intIn("wait", wait, 0, 0, MAX_WAIT_SECONDS);
        parameters.check();
        return feed.read(orgId, after == null ? OrgEventFeed.START : after, count, Duration.ofSeconds(waitSeconds));
    }
}
