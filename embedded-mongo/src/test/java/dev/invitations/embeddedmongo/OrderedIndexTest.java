package dev.invitations.embeddedmongo;

import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.bson.Document;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Which candidates the index hands the server for a query: the narrower, the less the server scans. */
class OrderedIndexTest {

    @Test
    void anEqualityOnAWholeArrayElementFindsTheDocumentsHoldingIt() {
        var sagas = threeSagas();

        var query = new Document("sagaType", "InvitationSaga")
                .append("associations", association("a"));

        assertThat(sagas.canHandle(query)).isTrue();
        assertThat(sagas.getPositions(query)).containsExactly(1);
    }

    @Test
    void aDocumentWithOperatorsIsNoEqualityAndOnlyTheKeysBeforeItNarrow() {
        var sagas = threeSagas();

        var query = new Document("sagaType", "InvitationSaga")
                .append("associations", new Document("$elemMatch", association("a")));

        assertThat(sagas.getPositions(query)).containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aRangeOnTheLeadingKeyNarrowsToIt() {
        var events = new OrderedIndex<Integer>("timestamps",
                List.of(new IndexKey("timestamp", true), new IndexKey("sequenceNumber", true)));
        for (int i = 1; i <= 5; i++) {
            events.add(new Document("_id", "e" + i).append("timestamp", "2026-11-25T09:00:0" + i + "Z")
                    .append("sequenceNumber", 0L), i, null);
        }

        var query = new Document("timestamp", new Document("$gte", "2026-11-25T09:00:04Z"));

        assertThat(events.getPositions(query)).containsExactlyInAnyOrder(4, 5);
    }

    /** The index Axon's saga lookups use, over two sagas of one type (positions 1, 2) and one of another (3). */
    private static OrderedIndex<Integer> threeSagas() {
        var sagas = new OrderedIndex<Integer>("sagas",
                List.of(new IndexKey("sagaType", true), new IndexKey("associations", true)));
        sagas.add(saga("s1", "InvitationSaga", "a"), 1, null);
        sagas.add(saga("s2", "InvitationSaga", "b"), 2, null);
        sagas.add(saga("s3", "OtherSaga", "a"), 3, null);
        return sagas;
    }

    private static Document saga(String id, String type, String invitationId) {
        return new Document("_id", id).append("sagaType", type)
                .append("associations", List.of(association(invitationId), new Document("key", "sagaIdentifier")
                        .append("value", id)));
    }

    private static Document association(String invitationId) {
        return new Document("key", "invitationId").append("value", invitationId);
    }
}
