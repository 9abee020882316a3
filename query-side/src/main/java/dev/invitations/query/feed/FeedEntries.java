package dev.invitations.query.feed;

import dev.invitations.api.invitation.InvitationEvent;
import dev.invitations.api.personaldata.PersonalData;
import dev.invitations.query.ChangeSignal;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.bson.Document;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The {@code feed} collection: every event once, numbered per org, and {@code feed_positions}, the last number
 * handed out per org. Only the feed projection appends, from a single segment, so numbers are handed out in one
 * order; a number taken by an append that then failed is a gap, which readers step over.
 */
@Repository
class FeedEntries {

    static final String COLLECTION = "feed";
    private static final String POSITIONS = "feed_positions";
    private static final int ONLY_SEGMENT = 0;
    /** The fields of the events' data that hold personal data: the components marked {@code @PersonalData}. */
    private static final Set<String> PERSONAL_FIELDS = Arrays.stream(InvitationEvent.class.getPermittedSubclasses())
            .flatMap(type -> Arrays.stream(type.getRecordComponents()))
            .filter(component -> component.isAnnotationPresent(PersonalData.class))
            .map(RecordComponent::getName)
            .collect(Collectors.toCollection(TreeSet::new));

    private final MongoTemplate mongo;
    private final TokenStore tokens;
    private final ChangeSignal changes = new ChangeSignal();
    private final List<Consumer<Set<String>>> appendListeners = new CopyOnWriteArrayList<>();

    FeedEntries(MongoTemplate mongo, TokenStore tokens) {
        this.mongo = mongo;
        this.tokens = tokens;
        mongo.indexOps(COLLECTION).ensureIndex(new Index()
                .on("orgId", Sort.Direction.ASC).on("position", Sort.Direction.ASC).named("org-in-order"));
    }

    /**
     * Appends the entries not in the feed yet (a redelivered event is), in the order given.
     * <p>
     * Only the instance holding the feed processor's one segment may number entries: a reader resumes after the
     * highest position it saw, so an entry numbered by a second writer and stored after a higher one would never be
     * read. An instance whose claim another took (it stalled past the claim's timeout) still handles the batch it
     * had begun, and the batch is written before the token; so the claim is extended, or the batch refused, first.
     */
    void append(List<FeedEntry> entries) {
        tokens.extendClaim(FeedProjection.PROCESSING_GROUP, ONLY_SEGMENT);
        Set<String> present = mongo.find(query(where("_id").in(entries.stream().map(FeedEntry::eventId).toList())),
                        Document.class, COLLECTION).stream()
                .map(document -> document.getString("_id"))
                .collect(Collectors.toSet());
        Map<String, List<FeedEntry>> newByOrg = entries.stream()
                .filter(entry -> !present.contains(entry.eventId()))
                .collect(Collectors.groupingBy(FeedEntry::orgId, LinkedHashMap::new, Collectors.toList()));
        if (newByOrg.isEmpty()) {
            return;
        }
        List<FeedEntry> numbered = new ArrayList<>();
        newByOrg.forEach((orgId, orgEntries) -> {
            long position = reservePositions(orgId, orgEntries.size());
            for (FeedEntry entry : orgEntries) {
                numbered.add(entry.at(++position));
            }
        });
        // an ordered insert: a reader never sees a position before every smaller one of its org is visible
        mongo.insert(numbered, COLLECTION);
        changes.changed(newByOrg.keySet());
        appendListeners.forEach(listener -> listener.accept(newByOrg.keySet()));
    }

    /** Calls {@code listener} with the orgs of each append, once its entries are stored; it must not block. */
    void onAppended(Consumer<Set<String>> listener) {
        appendListeners.add(listener);
    }

    /**
     * Sets the personal fields of the invitations' entries to null (where an entry has them): the events' personal
     * data was erased, and the feed keeps no copy of it.
     */
    void erasePersonalData(Collection<String> invitationIds) {
        for (String field : PERSONAL_FIELDS) {
            mongo.updateMulti(query(where("invitationId").in(invitationIds).and("data." + field).exists(true)),
                    Update.update("data." + field, null), COLLECTION);
        }
    }

    /** Entries of the org after {@code position}, in order. */
    List<FeedEntry> after(String orgId, long position, int limit) {
        return mongo.find(query(where("orgId").is(orgId).and("position").gt(position))
                .with(Sort.by("position")).limit(limit), FeedEntry.class, COLLECTION);
    }

    /** The last position handed out in the org's feed; 0 before its first event. */
    long lastPosition(String orgId) {
        Document counter = mongo.findById(orgId, Document.class, POSITIONS);
        return counter == null ? 0 : ((Number) counter.get("last")).longValue();
    }

    ChangeSignal changes() {
        return changes;
    }

    /** Takes {@code count} numbers of the org's feed; returns the last number taken before them. */
    private long reservePositions(String orgId, int count) {
        Document counter = mongo.findAndModify(query(where("_id").is(orgId)), new Update().inc("last", count),
                FindAndModifyOptions.options().upsert(true).returnNew(true), Document.class, POSITIONS);
        return ((Number) counter.get("last")).longValue() - count;
    }
}
