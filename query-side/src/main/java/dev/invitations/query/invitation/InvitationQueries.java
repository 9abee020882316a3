package dev.invitations.query.invitation;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.api.token.InvitationTokens;
import dev.invitations.query.QueryProperties;
import dev.invitations.query.invitation.ListCursors.Position;
import dev.invitations.resource.InvitationState;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Service;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Every read of invitations: the views for lists, single invitations and token lookups; the event store for history. */
@Service
public class InvitationQueries {

    /** More invitations than one person ever gets in one org: at most one can be pending at a time. */
    private static final int PERSONAL_DATA_LIMIT = 10_000;

    private final StoredInvitations views;
    private final EventStore eventStore;
    private final InvitationTokens tokens;
    private final ListCursors cursors;
    private final ObjectMapper json;
    private final QueryProperties properties;

    InvitationQueries(StoredInvitations views, EventStore eventStore, InvitationTokens tokens, ObjectMapper json,
                      QueryProperties properties) {
        this.views = views;
        this.eventStore = eventStore;
        this.tokens = tokens;
        this.cursors = new ListCursors(tokens);
        this.json = json;
        this.properties = properties;
    }

    /**
     * One page, newest first. A page fetches one invitation more than it shows, to know whether there is a page
     * beyond it.
     *
     * @throws InvalidCursorException for a cursor this service did not issue for this org
     */
    public InvitationPage list(FindInvitations find) {
        boolean backwards = find.endingBefore() != null;
        Position position = find.startingAfter() != null
                ? cursors.positionOf(find.scope(), find.startingAfter(), "starting_after")
                : backwards ? cursors.positionOf(find.scope(), find.endingBefore(), "ending_before") : null;
        List<InvitationDocument> found = new ArrayList<>(views.page(find, position, backwards, find.limit() + 1));
        boolean more = found.size() > find.limit();
        List<InvitationDocument> page = found.subList(0, Math.min(found.size(), find.limit()));
        if (backwards) {
            Collections.reverse(page);
        }
        // beyond the far end only if one more was found; back towards the start whenever this page came from a cursor
        boolean older = backwards ? !page.isEmpty() : more;
        boolean newer = backwards ? more : position != null && !page.isEmpty();
        return new InvitationPage(List.copyOf(page),
                older ? cursorAt(find, page.get(page.size() - 1)) : null,
                newer ? cursorAt(find, page.get(0)) : null,
                find.includeTotal() ? views.count(find) : null);
    }

    /**
     * The invitation of {@code orgId}, waiting up to {@code invitations.query.min-version-wait} for the view to
     * reach {@code minVersion} (none when null).
     */
    public Optional<VersionedInvitation> get(String orgId, String id, Long minVersion) {
        if (minVersion == null) {
            return find(orgId, id).map(found -> new VersionedInvitation(found, true));
        }
        long deadline = System.nanoTime() + properties.minVersionWait().toNanos();
        try (var watch = views.changes().watch(id)) {
            while (true) {
                Optional<InvitationDocument> view = find(orgId, id);
                boolean reached = view.map(found -> found.getVersion() >= minVersion).orElse(false);
                if (reached || System.nanoTime() >= deadline || Thread.currentThread().isInterrupted()) {
                    return view.map(found -> new VersionedInvitation(found, reached));
                }
                watch.awaitChange(deadline);
            }
        }
    }

    private Optional<InvitationDocument> find(String orgId, String id) {
        return views.find(id).filter(found -> found.getOrgId().equals(orgId));
    }

    /**
     * What the token's holder may see; empty for a token of no invitation, no longer the invitation's token, or
     * whose key was retired.
     */
    public Optional<InvitationLookup> lookup(String token) {
        return tokens.hash(token).flatMap(hash -> InvitationTokens.invitationIdOf(token)
                        .flatMap(views::find)
                        .filter(view -> InvitationTokens.sameHash(view.getTokenHash(), hash)))
                .map(InvitationLookup::of);
    }

    /**
     * Every invitation of {@code email} in the org, oldest first, each with its history: what the service holds
     * about that person (a subject access request).
     */
    public List<InvitationWithHistory> personalData(String orgId, String email) {
        var find = new FindInvitations(orgId, EnumSet.allOf(InvitationState.class), email, null, null, Map.of(), null,
                null, PERSONAL_DATA_LIMIT, null, null, false, null);
        return views.page(find, null, true, PERSONAL_DATA_LIMIT).stream()
                .map(view -> new InvitationWithHistory(view, history(orgId, view.getId()).orElse(List.of())))
                .toList();
    }

    /**
     * The invitation's events, oldest first, straight from the event store; empty for no invitation of the org, and
     * for a stream of something else (an org's settings) named as if it were an invitation.
     */
    public Optional<List<HistoryEntry>> history(String orgId, String id) {
        List<? extends DomainEventMessage<?>> events = eventStore.readEvents(id).asStream().toList();
        boolean ofThisOrg = !events.isEmpty() && events.get(0).getPayload() instanceof InvitationEvent first
                && orgId.equals(first.orgId());
        return ofThisOrg ? Optional.of(events.stream().map(event -> HistoryEntry.of(event, json)).toList())
                : Optional.empty();
    }

    private String cursorAt(FindInvitations find, InvitationDocument view) {
        return cursors.cursorAt(find.scope(), new Position(view.getCreateTime(), view.getId()));
    }
}
