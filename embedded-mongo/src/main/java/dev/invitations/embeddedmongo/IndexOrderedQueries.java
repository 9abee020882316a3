package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.bson.Document;

import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The {@code queryDocuments} of both backends' collections, which differ only in their storage: a query sorted in an
 * index's order is read from that index, and only as far as it needs (see
 * {@link OrderedIndex#positionsInOrder(List, Document, Document)}); any other query goes to the stock one. The
 * collections pass in their own steps, which only a subclass of the server's {@code AbstractMongoCollection} may call.
 */
final class IndexOrderedQueries {

    private IndexOrderedQueries() {
    }

    /** The collection's {@code matchDocumentsFromStream}: matches, skips, limits and projects documents. */
    @FunctionalInterface
    interface Matcher {
        QueryResult match(Document query, Stream<Document> documents, int numberToSkip, int limit, int batchSize,
                          Comparator<Document> order, Document fieldSelector);
    }

    /** The collection's stock {@code queryDocuments}, which loads and sorts every candidate. */
    @FunctionalInterface
    interface Query {
        QueryResult query(Document query, Document orderBy, int numberToSkip, int limit, int batchSize,
                          Document fieldSelector);
    }

    /**
     * The query's result, read in index order when the ordered index the server would pick for the query is in the
     * sort's order, from {@code stock} otherwise (and for an unsorted query).
     *
     * @param indexes   the collection's indexes
     * @param documents the collection's {@code getDocument}: the document at a position
     * @param matcher   the collection's {@code matchDocumentsFromStream}
     * @param stock     the collection's stock {@code queryDocuments}
     */
    static <P> QueryResult query(List<Index<P>> indexes, Function<P, Document> documents, Matcher matcher,
                                 Query stock, Document query, Document orderBy, int numberToSkip, int limit,
                                 int batchSize, Document fieldSelector) {
        // no comparator: the documents come in the sort's order, and the stream ends after skip + limit matches
        return OrderedIndex.positionsInOrder(indexes, query, orderBy)
                .map(positions -> matcher.match(query, positions.map(documents), numberToSkip, limit, batchSize,
                        null, fieldSelector))
                .orElseGet(() -> stock.query(query, orderBy, numberToSkip, limit, batchSize, fieldSelector));
    }
}
