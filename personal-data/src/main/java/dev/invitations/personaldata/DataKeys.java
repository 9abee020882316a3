package dev.invitations.personaldata;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import dev.invitations.api.personaldata.DataSubject;
import org.bson.Document;
import org.bson.types.Binary;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The data keys of the {@link DataSubject data subjects}, one 256-bit AES key per subject, in collection
 * {@value #COLLECTION}: {@code {_id: keyId, subject: subjectHash, key: <binary>, createTime}}. The key id (128 random
 * bits, base64url) goes into the stored events beside each ciphertext; the subject is stored only as its keyed hash,
 * so the collection names nobody.
 * <p>
 * {@link #erase Erasing} a subject's key makes everything encrypted under it unreadable, in every copy of the history.
 * Keys are read from MongoDB each time, never cached, so that every instance sees an erasure at once. A subject whose
 * key was erased gets a new key (and id) the next time one is asked for.
 */
public final class DataKeys {

    public static final String COLLECTION = "personal_data_keys";

    private static final String ID = "_id";
    private static final String SUBJECT = "subject";
    private static final String KEY = "key";
    private static final String CREATE_TIME = "createTime";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final MongoCollection<Document> keys;
    private final SecretKeySpec subjectHashKey;
    private final Clock clock;

    /**
     * @param database       where the keys are kept; the unique index on the subject is created here
     * @param subjectHashKey the HMAC key of {@link #subjectHash}; every instance, and every store that looks subjects
     *                       up by their hash, must be given the same one
     */
    public DataKeys(MongoDatabase database, byte[] subjectHashKey, Clock clock) {
        this.keys = database.getCollection(COLLECTION);
        this.subjectHashKey = new SecretKeySpec(subjectHashKey, "HmacSHA256");
        this.clock = clock;
        // one key per subject: of two writers creating the first key of a subject, one insert fails
        keys.createIndex(Indexes.ascending(SUBJECT), new IndexOptions().unique(true));
    }

    /**
     * The keyed hash that stands for {@code subject} wherever it is stored: HMAC-SHA256 of the org id and the
     * normalized address, base64url without padding.
     */
    public String subjectHash(DataSubject subject) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(subjectHashKey);
            byte[] message = (subject.orgId() + "\n" + subject.email().normalized()).getBytes(StandardCharsets.UTF_8);
            return BASE64URL.encodeToString(mac.doFinal(message));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The id of {@code subject}'s key, created if the subject has none; concurrent callers get the same one. */
    public String keyIdFor(DataSubject subject) {
        String hash = subjectHash(subject);
        while (true) {
            Document existing = keys.find(eq(SUBJECT, hash)).projection(Projections.include(ID)).first();
            if (existing != null) {
                return existing.getString(ID);
            }
            String keyId = randomKeyId();
            try {
                keys.insertOne(new Document(ID, keyId).append(SUBJECT, hash).append(KEY, new Binary(newKey()))
                        .append(CREATE_TIME, Date.from(clock.instant())));
                return keyId;
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
                // another writer created the subject's key first: the next round reads it
            }
        }
    }

    /** The key {@code keyId} names; empty when it was erased (or never existed). */
    public Optional<SecretKey> find(String keyId) {
        return Optional.ofNullable(findAll(List.of(keyId)).get(keyId));
    }

    /** The keys of those of {@code keyIds} that still exist, by id, in one query. */
    public Map<String, SecretKey> findAll(Collection<String> keyIds) {
        Map<String, SecretKey> found = new HashMap<>();
        if (keyIds.isEmpty()) {
            return found;
        }
        keys.find(in(ID, keyIds)).projection(Projections.include(ID, KEY)).forEach(document ->
                found.put(document.getString(ID), new SecretKeySpec(document.get(KEY, Binary.class).getData(), "AES")));
        return found;
    }

    /** Erases {@code subject}'s key, and with it every value encrypted under it; whether there was one. */
    public boolean erase(DataSubject subject) {
        return erase(subjectHash(subject));
    }

    /** Erases the key of the subject whose {@link #subjectHash} is {@code subjectHash}; whether there was one. */
    public boolean erase(String subjectHash) {
        return keys.deleteOne(eq(SUBJECT, subjectHash)).getDeletedCount() > 0;
    }

    private static String randomKeyId() {
        byte[] id = new byte[16];
        RANDOM.nextBytes(id);
        return BASE64URL.encodeToString(id);
    }

    private static byte[] newKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return key;
    }
}
