package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

/**
 * MongoDB's {@code top} admin command ({@code {top: 1}} on {@code admin}), which mongo-java-server does not know: per
 * collection, how many operations the server ran and how long they took, from all clients since it started. The
 * benchmark reads it for the writes each collection took, whichever process sent them. The answer has MongoDB's
 * shape: {@code {totals: {note: "all times in microseconds", "<db>.<collection>": {total: {time, count}, readLock,
 * writeLock, queries, getmore, insert, update, remove, commands}}, ok: 1}}.
 * <p>
 * Operations are counted as MongoDB counts them: an {@code insert} command once, however many documents it carries;
 * an {@code update} or {@code delete} command once per statement (the driver's {@code updateOne}, {@code updateMany}
 * and {@code deleteOne} send one each); {@code findAndModify} once as an update, {@code find} as a query,
 * {@code getMore} as a getmore, and any other command that names a collection as a command. Commands that name no
 * collection ({@code hello}, {@code ping}, {@code top} itself) are not counted. Inserts, updates, removes and the
 * commands that change a collection ({@code create}, {@code createIndexes}, {@code drop}, {@code dropIndexes},
 * {@code compact}) count under {@code writeLock}, all others under {@code readLock}, and {@code total} is both:
 * mongo-java-server takes no such locks, they only tell writes from reads. A failed command counts too.
 * <p>
 * Times are measured: the microseconds the backend took to answer the command (the durable one's including its wait
 * for the commit), added once for the command even where it counts several statements. Unlike MongoDB's, a dropped
 * collection's counts are kept; all start over when the server does. Counting is a few {@link LongAdder} additions
 * per command, and the commands of all connections count concurrently.
 */
final class OperationCounts {

    private static final String TOP = "top";
    private static final String ADMIN = "admin";
    private static final Set<String> COLLECTION_CHANGES = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

    static {
        COLLECTION_CHANGES.addAll(Set.of("create", "createIndexes", "drop", "dropIndexes", CompactCommand.NAME));
    }

    private final Map<String, Usage> namespaces = new ConcurrentHashMap<>();

    /** Answers {@code top} when it is sent to {@code admin}; otherwise answers the command by {@code run}, counted. */
    Document handle(String database, String command, Document query, Supplier<Document> run) {
        if (TOP.equalsIgnoreCase(command) && ADMIN.equals(database)) {
            return top();
        }
        String collection = collection(command, query);
        if (collection == null) {
            return run.get();
        }
        long started = System.nanoTime();
        try {
            return run.get();
        } finally {
            record(database + "." + collection, command, query, (System.nanoTime() - started) / 1_000);
        }
    }

    /** The collection a command names: the value of its name, except for {@code getMore}'s cursor id. */
    private static String collection(String command, Document query) {
        Object name = query.get("getMore".equalsIgnoreCase(command) ? "collection" : command);
        return name instanceof String collection ? collection : null;
    }

    private void record(String namespace, String command, Document query, long micros) {
        Usage usage = namespaces.computeIfAbsent(namespace, name -> new Usage());
        int count = 1;
        boolean writes = true;
        Counter operation;
        switch (command.toLowerCase(Locale.ROOT)) {
            case "insert" -> operation = usage.insert;
            case "update" -> {
                operation = usage.update;
                count = statements(query.get("updates"));
            }
            case "delete" -> {
                operation = usage.remove;
                count = statements(query.get("deletes"));
            }
            case "findandmodify" -> operation = usage.update;
            case "find" -> {
                operation = usage.queries;
                writes = false;
            }
            case "getmore" -> {
                operation = usage.getmore;
                writes = false;
            }
            default -> {
                operation = usage.commands;
                writes = COLLECTION_CHANGES.contains(command);
            }
        }
        operation.add(micros, count);
        (writes ? usage.writeLock : usage.readLock).add(micros, count);
        usage.total.add(micros, count);
    }

    private static int statements(Object statements) {
        return statements instanceof Collection<?> list ? list.size() : 1;
    }

    private Document top() {
        var totals = new Document("note", "all times in microseconds");
        new TreeMap<>(namespaces).forEach((namespace, usage) -> totals.put(namespace, usage.toDocument()));
        var answer = new Document("totals", totals);
        answer.put("ok", 1.0);
        return answer;
    }

    /** One collection's counters, in the order {@code top} answers them. */
    private static final class Usage {

        final Counter total = new Counter();
        final Counter readLock = new Counter();
        final Counter writeLock = new Counter();
        final Counter queries = new Counter();
        final Counter getmore = new Counter();
        final Counter insert = new Counter();
        final Counter update = new Counter();
        final Counter remove = new Counter();
        final Counter commands = new Counter();

        Document toDocument() {
            return new Document("total", total.toDocument())
                    .append("readLock", readLock.toDocument())
                    .append("writeLock", writeLock.toDocument())
                    .append("queries", queries.toDocument())
                    .append("getmore", getmore.toDocument())
                    .append("insert", insert.toDocument())
                    .append("update", update.toDocument())
                    .append("remove", remove.toDocument())
                    .append("commands", commands.toDocument());
        }
    }

    private static final class Counter {

        private final LongAdder micros = new LongAdder();
        private final LongAdder count = new LongAdder();

        void add(long micros, int count) {
            this.micros.add(micros);
            this.count.add(count);
        }

        Document toDocument() {
            return new Document("time", micros.sum()).append("count", count.sum());
        }
    }
}
