package dev.invitations.query.feed;

import java.util.List;

/** Events of an org's feed and the cursor to resume after them (the given one when there were none). */
public record FeedPage(List<CloudEvent> events, String next) {
}
