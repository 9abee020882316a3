package dev.invitations.security.apikey;

import org.bson.Document;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Update;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

/**
 * The API keys in force, one document per key in {@code api_keys} keyed by the key's keyed hash: both sides look
 * callers' keys up in it, the command side writes it in the same unit of work as the key's events, the query side
 * lists an org's keys from it. A revoked key's document is removed. No document holds a key.
 */
public class MongoApiKeys {

    public static final String COLLECTION = "api_keys";
    private static final String KEY_ID = "keyId";
    private static final String ORG_ID = "orgId";
    private static final String LAST_USED_TIME = "lastUsedTime";

    private final MongoTemplate mongo;

    public MongoApiKeys(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** Creates the indexes the writes and lists use; the command side, which writes, calls it at its start. */
    public void ensureIndexes() {
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on(KEY_ID, Sort.Direction.ASC).unique().named("by-key-id"));
        mongo.indexOps(COLLECTION).ensureIndex(new Index().on(ORG_ID, Sort.Direction.ASC)
                .on("createTime", Sort.Direction.ASC).named("by-org"));
    }

    public Optional<StoredApiKey> findByHash(String keyHash) {
        return Optional.ofNullable(mongo.findById(keyHash, Document.class, COLLECTION)).map(MongoApiKeys::read);
    }

    /** The org's keys in force, oldest first. */
    public List<StoredApiKey> ofOrg(String orgId) {
        return mongo.find(query(where(ORG_ID).is(orgId)).with(Sort.by("createTime", KEY_ID)), Document.class,
                COLLECTION).stream().map(MongoApiKeys::read).toList();
    }

    /** Stores a new key; storing the same key again (a replayed event) changes nothing. */
    public void insert(StoredApiKey key) {
        try {
            mongo.insert(new Document("_id", key.keyHash())
                    .append(KEY_ID, key.keyId())
                    .append(ORG_ID, key.orgId())
                    .append("name", key.name())
                    .append("scopes", key.scopes())
                    .append("prefix", key.prefix())
                    .append("createdBy", key.createdBy())
                    .append("createTime", Date.from(key.createTime())), COLLECTION);
        } catch (DuplicateKeyException alreadyStored) {
            // the same key, stored by an earlier attempt of the same event
        }
    }

    /** Removes a revoked key: it authenticates nothing from then on. */
    public void remove(String keyId) {
        mongo.remove(query(where(KEY_ID).is(keyId)), COLLECTION);
    }

    /** Records a use, never moving {@code lastUsedTime} back; nothing for a key revoked meanwhile. */
    public void recordLastUse(String keyHash, Instant usedAt) {
        mongo.updateFirst(query(where("_id").is(keyHash)), new Update().max(LAST_USED_TIME, Date.from(usedAt)),
                COLLECTION);
    }

    private static StoredApiKey read(Document document) {
        Date lastUsed = document.getDate(LAST_USED_TIME);
        return new StoredApiKey(document.getString("_id"), document.getString(KEY_ID), document.getString(ORG_ID),
                document.getString("name"), document.getList("scopes", String.class), document.getString("prefix"),
                document.getString("createdBy"), document.getDate("createTime").toInstant(),
                lastUsed == null ? null : lastUsed.toInstant());
    }
}
