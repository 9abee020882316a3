package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Utils;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.bson.BsonRegularExpression;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.DuplicateKeyError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.stream.Stream;

/**
 * A non-unique index for mongo-java-server, which otherwise ignores them and scans the whole collection for every
 * query. Without it, a tracking processor's tailing query (a range of the events' positions) would read every
 * event ever stored, several times a second, and the server's CPU would go to that instead of to writes.
 * <p>
 * It answers queries that fix a prefix of its keys by equality and optionally bound the next key by
 * {@code $gt/$gte/$lt/$lte}, at the top level or inside {@code $and}. It only narrows the candidates: the server
 * still matches every candidate against the whole query, so other conditions stay correct.
 * <p>
 * A query sorted in the index's own order can also be read from it in that order (see
 * {@link #positionsInOrder(List, Document, Document)}): the server then stops after the first matches a page needs
 * instead of loading and sorting every candidate.
 */
final class OrderedIndex<P> extends Index<P> {

    /** Sorts before and after every stored value: the open ends of a range. */
    private static final Object LOWEST = new Object();
    private static final Object HIGHEST = new Object();
    private static final Comparator<Object> VALUES = ValueComparator.ascWithoutListHandling();
    private static final Set<String> RANGE_OPERATORS = Set.of("$gt", "$gte", "$lt", "$lte");

    private final ConcurrentSkipListMap<KeyValue, Set<P>> positionsByKey =
            new ConcurrentSkipListMap<>(OrderedIndex::compareKeys);
    private final Map<Object, P> positionsById = new ConcurrentHashMap<>();

    private final boolean unique;

    /**
     * Whether a document ever held an array under one of the keys (it stays set: knowing that none holds one any more
     * would take a scan). Such a document stands under one key per element, but sorts by its least element ascending
     * and its greatest descending, whichever element the query matched: the index's order is then not the sort's.
     */
    private volatile boolean multikey;

    /** A non-unique index: it only narrows queries. */
    OrderedIndex(String name, List<IndexKey> keys) {
        this(name, keys, false);
    }

    /**
     * @param unique whether it also refuses a second document under the same key, as a unique index does. The
     *               server's own unique indexes answer only a query on exactly their keys: reading one aggregate's
     *               events ({@code aggregateIdentifier} and a range of {@code sequenceNumber}) or a conditional
     *               write by {@code _id} ({@code _id} and {@code version < n}) would scan the whole collection
     */
    OrderedIndex(String name, List<IndexKey> keys, boolean unique) {
        super(name, keys, false);
        this.unique = unique;
    }

    @Override
    public P getPosition(Document document) {
        return positionsById.get(document.get("_id"));
    }

    @Override
    public void checkAdd(Document document, MongoCollection<P> collection) {
        checkUnique(document, null, collection);
    }

    @Override
    public void add(Document document, P position, MongoCollection<P> collection) {
        positionsById.put(document.get("_id"), position);
        for (KeyValue key : getKeyValues(document)) {
            positionsByKey.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet()).add(position);
        }
        if (!multikey) {
            multikey = keys().stream()
                    .anyMatch(key -> Utils.getSubdocumentValueCollectionAware(document, key) instanceof Collection);
        }
    }

    @Override
    public P remove(Document document) {
        P position = positionsById.remove(document.get("_id"));
        if (position != null) {
            for (KeyValue key : getKeyValues(document)) {
                positionsByKey.computeIfPresent(key, (k, positions) -> {
                    positions.remove(position);
                    return positions.isEmpty() ? null : positions;
                });
            }
        }
        return position;
    }

    @Override
    public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
        checkUnique(newDocument, positionsById.get(oldDocument.get("_id")), collection);
    }

    @Override
    public boolean isUnique() {
        return unique;
    }

    /**
     * A unique index refuses a key another document holds.
     *
     * @param own where the document being updated stands (its keys do not conflict with it), null for an insert
     */
    private void checkUnique(Document document, P own, MongoCollection<P> collection) {
        if (!unique) {
            return;
        }
        for (KeyValue key : getKeyValues(document)) {
            Set<P> holders = positionsByKey.get(key);
            if (holders != null && holders.stream().anyMatch(holder -> !holder.equals(own))) {
                throw new DuplicateKeyError(this, collection, getKeys(), key);
            }
        }
    }

    @Override
    public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection) {
        if (!nullAwareEqualsKeys(oldDocument, newDocument)) {
            remove(oldDocument);
            add(newDocument, position, null);
        }
    }

    @Override
    public boolean canHandle(Document query) {
        return !boundsOf(query).isEmpty() || listedValuesOf(query) != null;
    }

    @Override
    public Iterable<P> getPositions(Document query) {
        // a document with an array under a key stands under one key per element: each position once
        Set<P> positions = new LinkedHashSet<>();
        List<Object[]> bounds = boundsOf(query);
        if (bounds.isEmpty()) {
            // an $in on the first key: one lookup per listed value
            for (Object value : listedValuesOf(query)) {
                entriesWithin(List.<Object[]>of(new Object[] {value, value})).values().forEach(positions::addAll);
            }
            return positions;
        }
        entriesWithin(bounds).values().forEach(positions::addAll);
        return positions;
    }

    /**
     * The values of an {@code $in} of plain values on the first key ({@code _id: {$in: [...]}}, the feed's check for
     * entries it holds already), or null: without it the server would scan the collection for every such query.
     */
    private Collection<?> listedValuesOf(Document query) {
        Object condition = conditionsOf(query).get(keys().get(0));
        if (condition instanceof Document in && in.size() == 1 && in.get("$in") instanceof Collection<?> values
                && values.stream().allMatch(OrderedIndex::isPlainValue)) {
            return values;
        }
        return null;
    }

    /**
     * The positions a sorted query reads, lazily and in the sort's order, when the index the server would pick for it
     * (the first that can handle it) is an ordered index in that order; empty otherwise, and for an unsorted query.
     */
    static <P> Optional<Stream<P>> positionsInOrder(List<Index<P>> indexes, Document query, Document orderBy) {
        if (orderBy == null || orderBy.isEmpty()) {
            return Optional.empty();
        }
        return indexes.stream()
                .filter(index -> index.canHandle(query))
                .findFirst()
                .filter(OrderedIndex.class::isInstance)
                .flatMap(index -> ((OrderedIndex<P>) index).positionsInOrder(query, orderBy));
    }

    /** The candidates for {@code query}, lazily and in the order of {@code orderBy}, if that is this index's order. */
    Optional<Stream<P>> positionsInOrder(Document query, Document orderBy) {
        if (multikey) {
            return Optional.empty();
        }
        List<Object[]> bounds = boundsOf(query);
        int direction = directionOf(orderBy, fixedKeys(bounds));
        if (bounds.isEmpty() || direction == 0) {
            return Optional.empty();
        }
        NavigableMap<KeyValue, Set<P>> entries = entriesWithin(bounds);
        return Optional.of((direction > 0 ? entries : entries.descendingMap()).values().stream()
                .flatMap(Set::stream)
                .distinct()); // each position once, as getPositions hands them out
    }

    /**
     * 1 or -1 when {@code orderBy} sorts by the keys after the first {@code fixed} ones, in the index's order, all
     * ascending or all descending: the skip list holds every key ascending, whatever direction the index declares,
     * so it is read forwards or backwards. 0 for any other sort. Keys among the fixed ones do not count: every
     * candidate holds the same value there.
     */
    private int directionOf(Document orderBy, int fixed) {
        List<String> keys = keys();
        int next = fixed;
        int direction = 1; // a sort by fixed keys only leaves the order free
        for (Map.Entry<String, Object> sort : orderBy.entrySet()) {
            int key = keys.indexOf(sort.getKey());
            if (key >= 0 && key < fixed) {
                continue;
            }
            if (key != next || !(sort.getValue() instanceof Number value)) {
                return 0;
            }
            int sortDirection = value.intValue() > 0 ? 1 : -1; // as the server's DocumentComparator reads it
            if (next > fixed && sortDirection != direction) {
                return 0;
            }
            direction = sortDirection;
            next++;
        }
        return direction;
    }

    /** How many leading keys the bounds fix to one value (by an equality, or a range from a value to itself). */
    private static int fixedKeys(List<Object[]> bounds) {
        int fixed = 0;
        while (fixed < bounds.size() && compareValues(bounds.get(fixed)[0], bounds.get(fixed)[1]) == 0) {
            fixed++;
        }
        return fixed;
    }

    /** The entries within the bounds, in ascending key order. */
    private NavigableMap<KeyValue, Set<P>> entriesWithin(List<Object[]> bounds) {
        int width = keys().size();
        List<Object> lower = new ArrayList<>(width);
        List<Object> upper = new ArrayList<>(width);
        for (Object[] bound : bounds) {
            lower.add(bound[0]);
            upper.add(bound[1]);
        }
        while (lower.size() < width) {
            lower.add(LOWEST);
            upper.add(HIGHEST);
        }
        KeyValue from = new KeyValue(lower);
        KeyValue to = new KeyValue(upper);
        // a range that ends before it starts (created after b and before a < b) holds nothing; the map would throw
        if (compareKeys(from, to) > 0) {
            return Collections.emptyNavigableMap();
        }
        return positionsByKey.subMap(from, true, to, true);
    }

    /**
     * {@code [lowest, highest]} per leading key the query pins down: equal bounds for an equality, then at most
     * one range. Empty when the query does not constrain the first key in a way this index can use.
     */
    private List<Object[]> boundsOf(Document query) {
        Map<String, Object> conditions = conditionsOf(query);
        List<Object[]> bounds = new ArrayList<>();
        for (String key : keys()) {
            Object condition = conditions.get(key);
            if (isPlainValue(condition)) {
                bounds.add(new Object[] {condition, condition});
                continue;
            }
            if (condition instanceof Document range && !range.isEmpty()
                    && RANGE_OPERATORS.containsAll(range.keySet())) {
                bounds.add(rangeOf(range));
            }
            break;
        }
        return bounds;
    }

    private static Object[] rangeOf(Document range) {
        // inclusive bounds: an exclusive one only lets a few more candidates through, which the matcher drops
        Object lowest = range.containsKey("$gte") ? range.get("$gte") : range.getOrDefault("$gt", LOWEST);
        Object highest = range.containsKey("$lte") ? range.get("$lte") : range.getOrDefault("$lt", HIGHEST);
        return new Object[] {lowest, highest};
    }

    /** The field conditions of the query's top level and of its {@code $and} clauses. */
    private static Map<String, Object> conditionsOf(Document query) {
        Map<String, Object> conditions = new LinkedHashMap<>();
        query.forEach((field, condition) -> {
            if (field.equals("$and") && condition instanceof Collection<?> clauses) {
                clauses.stream()
                        .filter(Document.class::isInstance)
                        .forEach(clause -> conditionsOf((Document) clause).forEach(conditions::putIfAbsent));
            } else if (!field.startsWith("$")) {
                conditions.putIfAbsent(field, condition);
            }
        });
        return conditions;
    }

    /**
     * A value an equality can look up: not null (which also matches missing fields), no array, no operator. An
     * embedded document without operators is one: {@code {associations: {key: k, value: v}}} finds the documents
     * with that element in their {@code associations} array (each element is a key of its own, as in MongoDB).
     */
    private static boolean isPlainValue(Object condition) {
        if (condition instanceof Document document) {
            return document.keySet().stream().noneMatch(field -> field.startsWith("$"));
        }
        return condition != null && !(condition instanceof Collection)
                && !BsonRegularExpression.isRegularExpression(condition);
    }

    private static int compareKeys(KeyValue left, KeyValue right) {
        for (int i = 0; i < Math.min(left.size(), right.size()); i++) {
            int order = compareValues(left.get(i), right.get(i));
            if (order != 0) {
                return order;
            }
        }
        return Integer.compare(left.size(), right.size());
    }

    private static int compareValues(Object left, Object right) {
        if (left == right) {
            return 0;
        }
        if (left == LOWEST || right == HIGHEST) {
            return -1;
        }
        if (left == HIGHEST || right == LOWEST) {
            return 1;
        }
        return VALUES.compare(left, right);
    }

    @Override
    public long getCount() {
        return positionsById.size();
    }

    @Override
    public long getDataSize() {
        return getCount();
    }

    @Override
    public void drop() {
        positionsByKey.clear();
        positionsById.clear();
    }
}
