package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The H2 backend of mongo-java-server, made durable: a write command is answered only after the MVStore holding
 * it has been committed to its file, so an acknowledged write survives the process being killed.
 * <p>
 * Stock H2 writes its store out about once a second, so a {@code kill -9} would lose up to a second of acknowledged
 * writes. A commit per write would make concurrent writers queue for one commit each, so every commit covers all
 * writes applied before it started (group commit), and writers that arrive together share one commit.
 * A commit survives a killed process, not a power loss (that would need an fsync per commit, at about half the
 * speed). Documents are stored as BSON ({@link BsonDocumentType}) and ObjectId keys as their bytes
 * ({@link ObjectIdKeyType}): a file written with H2's default Java serialization cannot be read by it.
 * <p>
 * Non-unique indexes, which stock H2 ignores, and compound unique ones, which it can only use for exact matches,
 * are kept in memory and rebuilt from the documents on start (see {@link OrderedIndex}). A query sorted in such an
 * index's order is read from it in that order, and only as far as it needs.
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        WRITE_COMMANDS.addAll(Set.of("insert", "update", "delete", "findAndModify", "create", "createIndexes",
                "drop", "dropIndexes", "dropDatabase", "renameCollection"));
    }

    private static final int RETAIN_OLD_CHUNKS_MILLIS = 5_000;

    private final AtomicLong writesApplied = new AtomicLong();
    private final Object commitLock = new Object();
    private long writesCommitted;

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    static DurableH2Backend open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        // Old chunks are kept this long after their pages died: a read that walks a collection holds on to the pages
        // of the store's version it began in, and with no retention other commits can free and compact those pages
        // away under a long read (a count of 100k invitations under load fails with "Chunk ... not found", a 500).
        // Retention costs file size: with commits this frequent, H2's default of 45 s grows the file by gigabytes,
        // and 5 s makes a file written under load about three to five times as large as no retention does.
        store.setRetentionTime(RETAIN_OLD_CHUNKS_MILLIS);
        return new DurableH2Backend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        MVStore store = getMvStore();
        return new H2Database(databaseName, store, getCursorRegistry()) {
            @Override
            protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
                // the maps stock H2Database opens for a collection (it also drops and renames them by these names),
                // the documents stored as BSON; a key type per map, as it remembers the last type of key it saw
                String namespace = getFullCollectionNamespace(collectionName);
                MVMap<Object, Document> documents = store.openMap("databases." + namespace,
                        new MVMap.Builder<Object, Document>().keyType(new ObjectIdKeyType())
                                .valueType(BsonDocumentType.INSTANCE));
                return new IndexOrderedCollection(this, collectionName, options, documents,
                        store.openMap("meta." + namespace), cursorRegistry);
            }

            @Override
            protected Index<Object> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                               List<IndexKey> keys, boolean sparse) {
                return new OrderedIndex<>(indexName, keys);
            }

            @Override
            protected Index<Object> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                            List<IndexKey> keys, boolean sparse) {
                return new OrderedIndex<>(indexName, keys, true);
            }
        };
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        if (!WRITE_COMMANDS.contains(command)) {
            return super.handleCommand(channel, database, command, query);
        }
        try {
            return super.handleCommand(channel, database, command, query);
        } finally {
            // also after a failed write: a batch that failed half-way has applied its first half
            commitWritesUpTo(writesApplied.incrementAndGet());
        }
    }

    /** How many write commands this backend has applied since it was opened. */
    long writesApplied() {
        return writesApplied.get();
    }

    /** Returns once a commit that started after write number {@code write} was applied has finished. */
    private void commitWritesUpTo(long write) {
        synchronized (commitLock) {
            if (writesCommitted >= write) {
                return;
            }
            long coveredWrites = writesApplied.get();
            getMvStore().commit();
            writesCommitted = coveredWrites;
        }
    }

    /**
     * Reads a query sorted in an index's order from that index, and only as far as it needs (the same code as the
     * memory backend's, see {@link IndexOrderedQueries}); matches long lists of strings by hash lookups.
     */
    private static final class IndexOrderedCollection extends H2Collection {

        /**
         * Whether this thread is applying an update: mongo-java-server applies an update to the document it read, in
         * place, and the stored one may be what a commit in progress is writing out on H2's serialization thread (a
         * {@code ConcurrentModificationException} there leaves the store refusing every write). So an update reads
         * copies, and its updated copy replaces the stored document; a stored document is never changed, and other
         * reads hand it out as it is.
         */
        private static final ThreadLocal<Boolean> UPDATING = ThreadLocal.withInitial(() -> false);

        IndexOrderedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                               MVMap<Object, Document> dataMap, MVMap<String, Object> metaMap,
                               CursorRegistry cursorRegistry) {
            super(database, collectionName, options, dataMap, metaMap, cursorRegistry);
        }

        /**
         * Its answer needs no copy of its own ({@link FindAndModifyAnswers}): the document it answers is the update's
         * copy, or the removed document, and neither is changed after.
         */
        @Override
        public synchronized Document findAndModify(Document query) {
            return updating(() -> super.findAndModify(query));
        }

        @Override
        public Document updateDocuments(Document selector, Document updateQuery, ArrayFilters arrayFilters,
                                        boolean isMulti, boolean isUpsert, Oplog oplog) {
            return updating(() -> super.updateDocuments(selector, updateQuery, arrayFilters, isMulti, isUpsert, oplog));
        }

        private static Document updating(Supplier<Document> update) {
            UPDATING.set(true);
            try {
                return update.get();
            } finally {
                UPDATING.set(false);
            }
        }

        @Override
        protected Document getDocument(Object position) {
            Document stored = super.getDocument(position);
            return stored != null && UPDATING.get() ? stored.cloneDeeply() : stored;
        }

        /** The same for an update that walks the stored documents instead of reading them by position. */
        @Override
        protected QueryResult matchDocumentsFromStream(Stream<Document> documents, Document query, Document orderBy,
                                                       int numberToSkip, int limit, int batchSize,
                                                       Document fieldSelector) {
            return super.matchDocumentsFromStream(UPDATING.get() ? documents.map(Document::cloneDeeply) : documents,
                    query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }

        @Override
        protected boolean documentMatchesQuery(Document document, Document query) {
            return StringSetConditions.matches(document, query, super::documentMatchesQuery);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int numberToSkip, int limit,
                                             int batchSize, Document fieldSelector) {
            return IndexOrderedQueries.query(getIndexes(), this::getDocument, this::matchDocumentsFromStream,
                    super::queryDocuments, query, orderBy, numberToSkip, limit, batchSize, fieldSelector);
        }
    }
}
