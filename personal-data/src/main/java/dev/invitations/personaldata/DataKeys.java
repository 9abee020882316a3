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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.in;

/**
 * The data keys of the {@link DataSubject data subjects}, one 256-bit AES key per subject, in collection
 * {@value #COLLECTION}: {@code {_id: keyId, subject: subjectHash, key: <binary>, createTime}}. The key id (128 random
 * bits, base64url) goes into the stored events beside each ciphertext; the subject is stored only as its keyed hash,
 * so the collection names nobody.
 * <p>
 * {@link #erase Erasing} a subject's key makes everything encrypted under it unreadable, in every copy of the history.
 * A subject whose key was erased gets a new key (and id) the next time one is asked for.
 * <p>
 * Each instance keeps the keys it read (and the subjects' key ids) for {@code cacheTtl}: reading an invitation's
 * events, or replaying a history, would otherwise cost a query per event. An erasure on this instance drops them at
 * once; one on another instance reaches this one's cache within {@code cacheTtl}, which is why an erasure is
 * answered only once {@link #awaitOtherInstancesForgot} has waited that long.
 */
public final class DataKeys {

    public static final String COLLECTION = "personal_data_keys";

    private static final String ID = "_id";
    private static final String SUBJECT = "subject";
    private static final String KEY = "key";
    private static final String CREATE_TIME = "createTime";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Beyond this many cached keys, the cache starts over: a replay of many people must not fill the heap. */
    private static final int MAX_CACHED = 100_000;

    private final MongoCollection<Document> keys;
    private final SecretKeySpec subjectHashKey;
    private final Clock clock;
    private final Duration cacheTtl;
    private final Map<String, Cached<SecretKey>> keysById = new ConcurrentHashMap<>();
    private final Map<String, Cached<String>> keyIdsBySubject = new ConcurrentHashMap<>();

    /**
     * @param database       where the keys are kept; the unique index on the subject is created here
     * @param subjectHashKey the HMAC key of {@link #subjectHash}; every instance, and every store that looks subjects
     *                       up by their hash, must be given the same one
     * @param cacheTtl       how long a key read stays in this instance's memory; zero reads MongoDB every time
     */
    public DataKeys(MongoDatabase database, byte[] subjectHashKey, Clock clock, Duration cacheTtl) {
        this.keys = database.getCollection(COLLECTION);
        this.subjectHashKey = new SecretKeySpec(subjectHashKey, "HmacSHA256");
        this.clock = clock;
        this.cacheTtl = cacheTtl;
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
        String cached = fresh(keyIdsBySubject, hash);
        if (cached != null) {
            return cached;
        }
        while (true) {
            Document existing = keys.find(eq(SUBJECT, hash)).projection(Projections.include(ID, KEY)).first();
            if (existing != null) {
                return remembered(hash, existing.getString(ID), existing.get(KEY, Binary.class).getData());
            }
            String keyId = randomKeyId();
            byte[] key = newKey();
            try {
                keys.insertOne(new Document(ID, keyId).append(SUBJECT, hash).append(KEY, new Binary(key))
                        .append(CREATE_TIME, Date.from(clock.instant())));
                return remembered(hash, keyId, key);
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

    /** The keys of those of {@code keyIds} that still exist, by id, in at most one query. */
    public Map<String, SecretKey> findAll(Collection<String> keyIds) {
        Map<String, SecretKey> found = new HashMap<>();
        List<String> toRead = new ArrayList<>();
        for (String keyId : keyIds) {
            SecretKey cached = fresh(keysById, keyId);
            if (cached != null) {
                found.put(keyId, cached);
            } else {
                toRead.add(keyId);
            }
        }
        if (!toRead.isEmpty()) {
            keys.find(in(ID, toRead)).projection(Projections.include(ID, KEY)).forEach(document -> {
                SecretKey key = new SecretKeySpec(document.get(KEY, Binary.class).getData(), "AES");
                found.put(document.getString(ID), key);
                cache(keysById, document.getString(ID), key);
            });
        }
        return found;
    }

    /**
     * Erases the key of the subject whose {@link #subjectHash} is {@code subjectHash}, and with it every value
     * encrypted under it; whether there was one.
     */
    public boolean erase(String subjectHash) {
        Cached<String> keyId = keyIdsBySubject.remove(subjectHash);
        Document erased = keys.findOneAndDelete(eq(SUBJECT, subjectHash));
        if (keyId != null) {
            keysById.remove(keyId.value());
        }
        if (erased != null) {
            keysById.remove(erased.getString(ID));
        }
        return erased != null;
    }

    /**
     * Returns once every other instance has dropped the keys it may have cached before an erasure: call it after
     * {@link #erase}, before saying the erasure is done.
     */
    public void awaitOtherInstancesForgot() throws InterruptedException {
        Thread.sleep(cacheTtl.toMillis());
    }

    private String remembered(String subjectHash, String keyId, byte[] key) {
        cache(keyIdsBySubject, subjectHash, keyId);
        cache(keysById, keyId, new SecretKeySpec(key, "AES"));
        return keyId;
    }

    private <T> void cache(Map<String, Cached<T>> cache, String id, T value) {
        if (cacheTtl.isZero()) {
            return;
        }
        if (cache.size() >= MAX_CACHED) {
            cache.clear();
        }
        cache.put(id, new Cached<>(value, clock.instant().plus(cacheTtl)));
    }

    private <T> T fresh(Map<String, Cached<T>> cache, String id) {
        Cached<T> cached = cache.get(id);
        if (cached == null) {
            return null;
        }
        if (!clock.instant().isBefore(cached.expires())) {
            cache.remove(id, cached);
            return null;
        }
        return cached.value();
    }

    private record Cached<T>(T value, Instant expires) {
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
