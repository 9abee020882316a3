package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.MongoVersion;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.message.MongoMessage;
import de.bwaldvogel.mongo.wire.message.MongoQuery;
import io.netty.channel.Channel;
import org.h2.mvstore.MVStoreTool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The durable backend, able to answer MongoDB's {@code compact} command ({@code {compact: <collection>}}) by
 * rewriting its file with only the current version of every document. Until then, H2 keeps replaced and deleted
 * versions in the file's free space and in partly live chunks, where an erased email would stay readable.
 * <p>
 * Compaction stops every command, closes the store, copies its live data to a new file that replaces the old one
 * (H2's {@link MVStoreTool#compact(String, boolean)}, which leaves the old file in place if it is interrupted), and
 * opens it again, rebuilding the in-memory indexes. Cursors open across it are gone: a client's next {@code getMore}
 * fails and it queries again. The commands of the other collections in the same round are answered at once while no
 * write came in between.
 * <p>
 * It also answers MongoDB's {@code top} admin command, with counts that outlive compactions (see
 * {@link OperationCounts}).
 */
final class CompactingBackend implements MongoBackend {

    private final Path file;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final OperationCounts counts = new OperationCounts();
    private volatile DurableH2Backend current;
    private long writesAtLastCompaction = -1;

    private CompactingBackend(Path file) {
        this.file = file;
        this.current = DurableH2Backend.open(file);
    }

    static CompactingBackend open(Path file) {
        MVStoreTool.compactCleanUp(file.toString());
        return new CompactingBackend(file);
    }

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return counts.handle(database, command, query, () -> CompactCommand.NAME.equalsIgnoreCase(command)
                ? CompactCommand.answer(compact())
                : read(backend -> backend.handleCommand(channel, database, command, query)));
    }

    private long compact() {
        lock.writeLock().lock();
        try {
            if (writesAtLastCompaction == current.writesApplied()) {
                return 0;
            }
            long sizeBefore = Files.size(file);
            current.close();
            MVStoreTool.compact(file.toString(), false);
            current = DurableH2Backend.open(file);
            writesAtLastCompaction = current.writesApplied();
            return Math.max(0, sizeBefore - Files.size(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            lock.writeLock().unlock();
        }
    }

    private <T> T read(Function<DurableH2Backend, T> call) {
        lock.readLock().lock();
        try {
            return call.apply(current);
        } finally {
            lock.readLock().unlock();
        }
    }

    private void run(Consumer<DurableH2Backend> call) {
        read(backend -> {
            call.accept(backend);
            return null;
        });
    }

    @Override
    public void handleClose(Channel channel) {
        run(backend -> backend.handleClose(channel));
    }

    @Override
    public QueryResult handleQuery(MongoQuery query) {
        return read(backend -> backend.handleQuery(query));
    }

    /** A command as mongo-java-server's own backends take it, so that it is answered and counted in one place. */
    @Override
    public Document handleMessage(MongoMessage message) {
        Document query = message.getDocument();
        return handleCommand(message.getChannel(), message.getDatabaseName(), query.keySet().iterator().next(), query);
    }

    @Override
    public void dropDatabase(String database) {
        run(backend -> backend.dropDatabase(database));
    }

    @Override
    public Collection<Document> getCurrentOperations(MongoQuery query) {
        return read(backend -> backend.getCurrentOperations(query));
    }

    @Override
    public Document getServerStatus() {
        return read(DurableH2Backend::getServerStatus);
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            current.close();
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void closeCursors(List<Long> cursorIds) {
        run(backend -> backend.closeCursors(cursorIds));
    }

    @Override
    public Clock getClock() {
        return current.getClock();
    }

    @Override
    public void enableOplog() {
        throw new UnsupportedOperationException("the durable server keeps no oplog");
    }

    @Override
    public void disableOplog() {
    }

    @Override
    public MongoDatabase resolveDatabase(String database) {
        return read(backend -> backend.resolveDatabase(database));
    }

    @Override
    public MongoBackend version(MongoVersion version) {
        read(backend -> backend.version(version));
        return this;
    }
}
