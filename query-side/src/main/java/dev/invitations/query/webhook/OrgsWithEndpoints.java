package dev.invitations.query.webhook;

import org.springframework.stereotype.Component;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The orgs with an endpoint that may take deliveries (enabled, not failing), as this instance knows them: found by
 * each poll of {@link WebhookDeliveries}, and added to as soon as the feed's processor on this instance meets a
 * registration. Only these orgs' appends to the feed are looked at at once; an org missing here (its endpoint
 * registered on another instance, or enabled again, since the last poll) waits for the next poll.
 */
@Component
class OrgsWithEndpoints {

    private volatile Set<String> orgIds = ConcurrentHashMap.newKeySet();

    /** What a poll found: it replaces what was known. */
    void found(Collection<String> found) {
        Set<String> replacement = ConcurrentHashMap.newKeySet();
        replacement.addAll(found);
        orgIds = replacement;
    }

    void registered(String orgId) {
        orgIds.add(orgId);
    }

    boolean contains(String orgId) {
        return orgIds.contains(orgId);
    }
}
