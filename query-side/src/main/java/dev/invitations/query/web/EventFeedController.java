package dev.invitations.query.web;

import dev.invitations.query.feed.FeedPage;
import dev.invitations.query.feed.OrgEventFeed;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/** The org's audit feed as CloudEvents, for consumers that resume from the cursor they last processed. */
@RestController
class EventFeedController {

    private static final int MAX_WAIT_SECONDS = 30;

    private final OrgEventFeed feed;

    EventFeedController(OrgEventFeed feed) {
        this.feed = feed;
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
