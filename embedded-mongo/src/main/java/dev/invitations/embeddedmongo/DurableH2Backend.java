package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStore;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The H2 backend of mongo-java-server, made durable: a write command is answered only after the MVStore holding
 * it has been committed to its file, so an acknowledged write survives the process being killed.
 * <p>
 * Stock H2 writes its store out about once a second, and a {@code kill -9} lost hundreds of acknowledged inserts.
 * Committing once per write fixes that but makes concurrent writers queue for one commit each; instead every commit
 * covers all writes applied before it started (group commit), so writers that arrive together share one commit.
 * A commit survives a killed process, not a power loss (that would need an fsync per commit, at about half the
 * speed).
 * <p>
 * Non-unique indexes, which stock H2 ignores, and compound unique ones, which it can only use for exact matches,
 * are kept in memory and rebuilt from the documents on start (see {@link OrderedIndex}).
 */
final class DurableH2Backend extends H2Backend {

    private static final Set<String> WRITE_COMMANDS = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        WRITE_COMMANDS.addAll(Set.of("insert", "update", "delete", "findAndModify", "create", "createIndexes",
                "drop", "dropIndexes", "dropDatabase", "renameCollection"));
    }

    private final AtomicLong writesApplied = new AtomicLong();
    private final Object commitLock = new Object();
    private long writesCommitted;

    private DurableH2Backend(MVStore store) {
        super(store);
    }

    static DurableH2Backend open(Path file) {
        MVStore store = new MVStore.Builder().fileName(file.toString()).open();
        // with H2's default 45 s retention, committing this often grows the file by gigabytes
        store.setRetentionTime(0);
        return new DurableH2Backend(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new H2Database(databaseName, getMvStore(), getCursorRegistry()) {
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
}
