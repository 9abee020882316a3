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

    @Test
    void anInOnTheFirstKeyLooksUpEachListedValue() {
        var events = new OrderedIndex<Integer>("ids", List.of(new IndexKey("_id", true)), true);
        for (int i = 1; i <= 5; i++) {
            events.add(new Document("_id", "e" + i), i, null);
        }

        var query = new Document("_id", new Document("$in", List.of("e2", "e4", "e9")));

        assertThat(events.canHandle(query)).isTrue();
        assertThat(events.getPositions(query)).containsExactlyInAnyOrder(2, 4);
        assertThat(events.canHandle(new Document("_id", new Document("$in", List.of("e2", new Document("$gt", 1))))))
                .as("an operator among the values").isFalse();
    }

    @Test
    void aRangeThatEndsBeforeItStartsHoldsNothing() {
        var events = new OrderedIndex<Integer>("timestamps", List.of(new IndexKey("timestamp", true)));
        events.add(new Document("_id", "e1").append("timestamp", "2026-11-25T09:00:01Z"), 1, null);

        var query = new Document("timestamp", new Document("$gt", "2026-11-25T09:00:05Z")
                .append("$lt", "2026-11-25T09:00:00Z"));

        assertThat(events.getPositions(query)).isEmpty();
        assertThat(events.positionsInOrder(query, new Document("timestamp", 1)).orElseThrow()).isEmpty();
    }

    @Test
    void aSortInTheIndexOrderAfterTheFixedKeysReadsItForwardsOrBackwards() {
        var invitations = newestFirst();
        var query = new Document("orgId", "o").append("createTime", new Document("$lte", "t3"));

        assertThat(invitations.positionsInOrder(query, new Document("createTime", -1).append("_id", -1)))
                .hasValueSatisfying(positions -> assertThat(positions).containsExactly(4, 3, 2, 1));
        assertThat(invitations.positionsInOrder(query, new Document("createTime", 1)))
                .hasValueSatisfying(positions -> assertThat(positions).containsExactly(1, 2, 3, 4));
        // the org is fixed by the query: sorting by it changes nothing
        assertThat(invitations.positionsInOrder(query,
                new Document("orgId", 1).append("createTime", -1).append("_id", -1)))
                .hasValueSatisfying(positions -> assertThat(positions).containsExactly(4, 3, 2, 1));
    }

    @Test
    void otherSortsAreNotReadFromTheIndex() {
        var invitations = newestFirst();
        var query = new Document("orgId", "o").append("createTime", new Document("$lte", "t3"));

        assertThat(invitations.positionsInOrder(query, new Document("createTime", -1).append("_id", 1))).isEmpty();
        assertThat(invitations.positionsInOrder(query, new Document("_id", -1))).isEmpty();
        assertThat(invitations.positionsInOrder(query, new Document("state", 1))).isEmpty();
        assertThat(invitations.positionsInOrder(query,
                new Document("createTime", -1).append("_id", -1).append("state", 1))).isEmpty();
        assertThat(invitations.positionsInOrder(new Document("createTime", "t1"), new Document("createTime", 1)))
                .isEmpty();

        // an array under a key: the document sorts by its least or greatest element, not where the index holds it
        invitations.add(new Document("_id", "i9").append("orgId", "o").append("createTime", List.of("t0", "t3")),
                9, null);
        assertThat(invitations.positionsInOrder(query, new Document("createTime", -1).append("_id", -1))).isEmpty();
    }

    /** The query side's index over four invitations of one org, created in the order of their positions. */
    private static OrderedIndex<Integer> newestFirst() {
        var invitations = new OrderedIndex<Integer>("org-newest-first", List.of(new IndexKey("orgId", true),
                new IndexKey("createTime", false), new IndexKey("_id", false)));
        invitations.add(new Document("_id", "i5").append("orgId", "other").append("createTime", "t2"), 5, null);
        for (int i = 1; i <= 4; i++) {
            invitations.add(new Document("_id", "i" + i).append("orgId", "o").append("createTime", "t" + Math.min(i, 3)),
                    i, null);
        }
        return invitations;
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
