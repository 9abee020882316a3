package dev.invitations.query.settings;

import dev.invitations.query.ChangeSignal;
import dev.invitations.resource.OrgSettingsResource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Repository;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The {@code org_settings} view: one document per org that changed its settings, with their version. Writes are
 * guarded by the version, so an older change never replaces a newer one. An org without a document has the defaults.
 */
@Repository
public class StoredOrgSettings {

    static final String COLLECTION = "org_settings";

    private final MongoTemplate mongo;
    private final ChangeSignal changes = new ChangeSignal();

    StoredOrgSettings(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The org's display name from its settings; empty when it has none. */
    public Optional<String> displayName(String orgId) {
        return find(orgId).map(document -> document.settings().displayName());
    }

    /** The display names of those of {@code orgIds} that have one, by org id: for a page of invitations. */
    public Map<String, String> displayNames(Collection<String> orgIds) {
        if (orgIds.isEmpty()) {
            return Map.of();
        }
        return mongo.find(query(where("_id").in(orgIds)), OrgSettingsDocument.class, COLLECTION).stream()
                .filter(document -> document.settings().displayName() != null)
                .collect(Collectors.toMap(OrgSettingsDocument::orgId, document -> document.settings().displayName()));
    }

    Optional<OrgSettingsDocument> find(String orgId) {
        return Optional.ofNullable(mongo.findById(orgId, OrgSettingsDocument.class, COLLECTION));
    }

    /** Stores the org's settings at {@code version} unless the stored ones are at that version or newer already. */
    void save(String orgId, long version, OrgSettingsResource settings) {
        try {
            mongo.upsert(query(where("_id").is(orgId).and("version").lt(version)),
                    Update.update("version", version).set("settings", settings), COLLECTION);
        } catch (DuplicateKeyException newerStored) {
            // the upsert collided with the org's document, which is at this version or newer: it is up to date
        }
        changes.changed(orgId);
    }

    void deleteAll() {
        mongo.remove(new Query(), COLLECTION);
        changes.changedAll();
    }

    ChangeSignal changes() {
        return changes;
    }
}
