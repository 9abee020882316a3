package dev.invitations.query.invitation;

import dev.invitations.api.invitation.EmailAddress;
import dev.invitations.query.ChangeSignal;
import dev.invitations.query.StoredInstants;
import dev.invitations.query.invitation.ListCursors.Position;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The {@code invitations} view: one {@link InvitationDocument} per invitation, the fold of its events with its version
 * and token hash. Writes are guarded by the version, so an older fold never replaces a newer one.
 */
@Repository
class StoredInvitations {

    static final String COLLECTION = "invitations";
    private static final int DUPLICATE_KEY = 11000;

    private final MongoTemplate mongo;
    private final ChangeSignal changes = new ChangeSignal();

    StoredInvitations(MongoTemplate mongo) {
        this.mongo = mongo;
        // every list is one org's, newest first; the same index serves the keyset of the cursors
        mongo.indexOps(COLLECTION).ensureIndex(new Index()
                .on("orgId", Sort.Direction.ASC).on("createTime", Sort.Direction.DESC).on("_id", Sort.Direction.DESC)
                .named("org-newest-first"));
        // an invitee's invitations in every org, newest first
        mongo.indexOps(COLLECTION).ensureIndex(new Index()
                .on(InvitationDocument.INVITEE_EMAIL, Sort.Direction.ASC).on("createTime", Sort.Direction.DESC)
                .on("_id", Sort.Direction.DESC)
                .named("invitee-newest-first"));
    }

    Optional<InvitationDocument> find(String id) {
        return Optional.ofNullable(mongo.findById(id, InvitationDocument.class, COLLECTION));
    }

    List<InvitationDocument> findAll(Collection<String> ids) {
        return ids.isEmpty() ? List.of() : mongo.find(query(where("_id").in(ids)), InvitationDocument.class, COLLECTION);
    }

    /** Stores each view unless the stored one is at its version or newer already. */
    void saveAll(Collection<InvitationDocument> views) {
        if (views.isEmpty()) {
            return;
        }
        var bulk = mongo.bulkOps(BulkMode.UNORDERED, InvitationDocument.class, COLLECTION);
        for (InvitationDocument view : views) {
            bulk.replaceOne(query(where("_id").is(view.getId()).and("version").lt(view.getVersion())), view,
                    FindAndReplaceOptions.options().upsert());
        }
        try {
            bulk.execute();
        } catch (BulkOperationException e) {
            // the upsert of a view whose stored version is newer collides with it: that view is up to date
            if (e.getErrors().stream().anyMatch(error -> error.getCode() != DUPLICATE_KEY)) {
                throw e;
            }
        }
        changes.changed(views.stream().map(InvitationDocument::getId).toList());
    }

    void deleteAll() {
        mongo.remove(new Query(), COLLECTION);
        changes.changedAll();
    }

    ChangeSignal changes() {
        return changes;
    }

    /**
     * Up to {@code limit} matching invitations beyond {@code position} (from the start when null): older ones,
     * newest first, or with {@code newer} the newer ones, oldest first.
     */
    List<InvitationDocument> page(FindInvitations find, Position position, boolean newer, int limit) {
        var query = query(matching(find, position, newer))
                .with(Sort.by(newer ? Sort.Direction.ASC : Sort.Direction.DESC, "createTime", "_id"))
                .limit(limit);
        return mongo.find(query, InvitationDocument.class, COLLECTION);
    }

    long count(FindInvitations find) {
        return mongo.count(query(matching(find, null, false)), COLLECTION);
    }

    private static Criteria matching(FindInvitations find, Position position, boolean newer) {
        var criteria = (find.orgId() != null ? where("orgId").is(find.orgId())
                : where(InvitationDocument.INVITEE_EMAIL).is(find.invitee()))
                .and("state").in(find.states().stream().map(Enum::name).toList());
        if (find.email() != null) {
            // the stored address keeps its case: matched case-insensitively, as EmailAddress compares
            criteria.and("invitedEmail").regex("^" + Pattern.quote(new EmailAddress(find.email()).value()) + "$", "i");
        }
        if (find.role() != null) {
            // one of the roles; a view stored before roles existed holds its one role in role only
            criteria.andOperator(new Criteria().orOperator(where("roles").is(find.role()), where("role").is(find.role())));
        }
        if (find.creator() != null) {
            criteria.and("creator").is(find.creator());
        }
        find.labels().forEach((key, value) -> criteria.and("labels." + key).is(value));
        if (find.createdAfter() != null || find.createdBefore() != null || position != null) {
            var createTime = criteria.and("createTime");
            if (find.createdAfter() != null) {
                createTime.gt(StoredInstants.format(find.createdAfter()));
            }
            if (find.createdBefore() != null) {
                createTime.lt(StoredInstants.format(find.createdBefore()));
            }
            if (position != null) {
                String time = StoredInstants.format(position.createTime());
                // the keyset: strictly beyond the position in (createTime, id) order; the plain bound on
                // createTime is implied by it, and lets an index narrow the candidates
                if (newer) {
                    createTime.gte(time);
                    criteria.orOperator(where("createTime").gt(time),
                            where("createTime").is(time).and("_id").gt(position.id()));
                } else {
                    createTime.lte(time);
                    criteria.orOperator(where("createTime").lt(time),
                            where("createTime").is(time).and("_id").lt(position.id()));
                }
            }
        }
        return criteria;
    }
}
