package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.bson.Document;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Matches {@code $in} and {@code $nin} over a long list of strings by hash lookups. The stock matcher compares a
 * document's value with each listed value in turn, through a stream per comparison: for a list of hundreds or
 * thousands of ids (the event ids of a batch the feed looks up, or axon-mongo's stock tracking query excluding every
 * event id of its look-back window by {@code eventIdentifier: {$nin: [...]}}), that can take most of the server's
 * CPU. MongoDB itself looks such lists up in a sorted set.
 * <p>
 * Only a condition on a top-level field (at the top of the query or in a top-level {@code $and}) whose operator is
 * alone with a list of strings is taken out; a document whose value there is not a string is left to the stock
 * matcher with the original condition, so arrays, numbers and missing fields match exactly as with the stock matcher.
 */
final class StringSetConditions {

    /** Shorter lists stay with the stock matcher: a few comparisons cost nothing. */
    private static final int SHORTEST_LIST = 16;

    /** The split of the last query each thread matched: a query is matched against many documents in a row. */
    private static final ThreadLocal<StringSetConditions> LAST_SPLIT = new ThreadLocal<>();

    private record Condition(String field, Set<String> values, boolean in, Document original) {
    }

    private final Document query;
    private final Document remainder;
    private final List<Condition> conditions = new ArrayList<>();

    private StringSetConditions(Document query) {
        this.query = query;
        this.remainder = split(query);
    }

    /** Whether {@code document} matches {@code query}, with {@code matcher} (the stock one) for all but the sets. */
    static boolean matches(Document document, Document query, BiPredicate<Document, Document> matcher) {
        StringSetConditions split = LAST_SPLIT.get();
        if (split == null || split.query != query) {
            split = new StringSetConditions(query);
            LAST_SPLIT.set(split);
        }
        return split.matches(document, matcher);
    }

    private boolean matches(Document document, BiPredicate<Document, Document> matcher) {
        for (Condition condition : conditions) {
            Object value = document.get(condition.field());
            boolean holds = value instanceof String string
                    ? condition.values().contains(string) == condition.in()
                    : matcher.test(document, condition.original());
            if (!holds) {
                return false;
            }
        }
        return matcher.test(document, remainder);
    }

    /** The query without the conditions taken out into {@link #conditions}. */
    private Document split(Document query) {
        Document rest = new Document();
        query.forEach((field, condition) -> {
            if (field.equals("$and") && condition instanceof Collection<?> clauses) {
                List<Object> restClauses = new ArrayList<>();
                for (Object clause : clauses) {
                    Object restClause = clause instanceof Document document ? split(document) : clause;
                    if (!(restClause instanceof Document document && document.isEmpty())) {
                        restClauses.add(restClause);
                    }
                }
                if (!restClauses.isEmpty()) {
                    rest.put(field, restClauses);
                }
            } else if (!takenOut(field, condition)) {
                rest.put(field, condition);
            }
        });
        return rest;
    }

    private boolean takenOut(String field, Object condition) {
        if (field.startsWith("$") || field.contains(".") || !(condition instanceof Document operator)
                || operator.size() != 1) {
            return false;
        }
        Map.Entry<String, Object> only = operator.entrySet().iterator().next();
        boolean in = only.getKey().equals("$in");
        if (!(in || only.getKey().equals("$nin")) || !(only.getValue() instanceof Collection<?> values)
                || values.size() < SHORTEST_LIST || !values.stream().allMatch(String.class::isInstance)) {
            return false;
        }
        Set<String> strings = new HashSet<>();
        values.forEach(value -> strings.add((String) value));
        conditions.add(new Condition(field, strings, in, new Document(field, operator)));
        return true;
    }
}
