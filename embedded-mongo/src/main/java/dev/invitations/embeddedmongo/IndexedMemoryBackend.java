package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.util.List;

/**
 * The in-memory backend, with the non-unique indexes it would otherwise ignore, and compound unique indexes that
 * answer range queries too (see {@link OrderedIndex}), and MongoDB's {@code compact} and {@code top} commands (see
 * {@link CompactCommand}, {@link OperationCounts}).
 */
final class IndexedMemoryBackend extends MemoryBackend {

    private final OperationCounts counts = new OperationCounts();

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return counts.handle(database, command, query, () -> CompactCommand.NAME.equalsIgnoreCase(command)
                ? CompactCommand.answer(0)
                : super.handleCommand(channel, database, command, query));
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new MemoryDatabase(databaseName, getCursorRegistry()) {
            @Override
            protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
                return new IndexOrderedCollection(this, collectionName, options, cursorRegistry);
            }

            @Override
            protected Index<Integer> openOrCreateSecondaryIndex(String collectionName, String indexName,
                                                                List<IndexKey> keys, boolean sparse) {
                return new OrderedIndex<>(indexName, keys);
            }

            @Override
            protected Index<Integer> openOrCreateUniqueIndex(String collectionName, String indexName,
                                                             List<IndexKey> keys, boolean sparse) {
                return new OrderedIndex<>(indexName, keys, true);
            }
        };
    }

    /**
     * Reads a query sorted in an index's order from that index, and only as far as it needs (the same code as the
     * H2 backend's, see {@link IndexOrderedQueries}); matches long lists of strings by hash lookups.
     */
    private static final class IndexOrderedCollection extends MemoryCollection {

        IndexOrderedCollection(MongoDatabase database, String collectionName, CollectionOptions options,
                               CursorRegistry cursorRegistry) {
            super(database, collectionName, options, cursorRegistry);
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            return FindAndModifyAnswers.detached(super.findAndModify(query));
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
