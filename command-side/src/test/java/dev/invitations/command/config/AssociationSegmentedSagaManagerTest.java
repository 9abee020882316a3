package dev.invitations.command.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.saga.AnnotatedSagaManager;
import org.axonframework.modelling.saga.AssociationValue;
import org.axonframework.modelling.saga.AssociationValues;
import org.axonframework.modelling.saga.AssociationValuesImpl;
import org.axonframework.modelling.saga.EndSaga;
import org.axonframework.modelling.saga.SagaEventHandler;
import org.axonframework.modelling.saga.StartSaga;
import org.axonframework.modelling.saga.repository.AnnotatedSagaRepository;
import org.axonframework.modelling.saga.repository.inmemory.InMemorySagaStore;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class AssociationSegmentedSagaManagerTest {

    private static final List<Segment> TWO_SEGMENTS = Segment.splitBalanced(Segment.ROOT_SEGMENT, 1);

    private final InMemorySagaStore store = new InMemorySagaStore();
    private final AssociationSegmentedSagaManager<CountingSaga> manager = new AssociationSegmentedSagaManager<>(
            AnnotatedSagaManager.<CountingSaga>builder()
                    .sagaType(CountingSaga.class)
                    .sagaRepository(AnnotatedSagaRepository.<CountingSaga>builder()
                            .sagaType(CountingSaga.class).sagaStore(store).build()));

    @Test
    void eachEventGoesToTheOneSegmentOfItsAssociationValue() throws Exception {
        for (String id : List.of("inv-1", "inv-2", "inv-3", "inv-4", "inv-5", "inv-6")) {
            assertThat(segmentsThatHandle(new Started(id))).hasSize(1);
            assertThat(segmentsThatHandle(new Ended(id))).isEqualTo(segmentsThatHandle(new Started(id)));
        }
    }

    @Test
    void aSagaIsStartedOnceAndItsLaterEventsReachIt() throws Exception {
        handleWhereRouted(new Started("inv-1"));
        assertThat(sagasOf("inv-1")).hasSize(1);

        handleWhereRouted(new Ended("inv-1"));
        assertThat(sagasOf("inv-1")).isEmpty();
    }

    @Test
    void aSagaWhoseIdentifierFallsInAnotherSegmentIsFoundByItsAssociationValue() throws Exception {
        Segment routed = segmentsThatHandle(new Started("inv-1")).get(0);
        String idInTheOtherSegment = TWO_SEGMENTS.stream().filter(segment -> !segment.equals(routed))
                .findFirst().map(AssociationSegmentedSagaManagerTest::sagaIdIn).orElseThrow();
        AssociationValues associations = new AssociationValuesImpl(Set.of(new AssociationValue("id", "inv-1")));
        store.insertSaga(CountingSaga.class, idInTheOtherSegment, new CountingSaga(), associations.asSet());

        handleWhereRouted(new Ended("inv-1"));

        assertThat(sagasOf("inv-1")).isEmpty();
    }

    private List<Segment> segmentsThatHandle(Object payload) {
        EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
        return TWO_SEGMENTS.stream().filter(segment -> manager.canHandle(event, segment)).toList();
    }

    private void handleWhereRouted(Object payload) throws Exception {
        EventMessage<?> event = GenericEventMessage.asEventMessage(payload);
        for (Segment segment : segmentsThatHandle(payload)) {
            DefaultUnitOfWork.startAndGet(event).executeWithResult(() -> {
                manager.handle(event, segment);
                return null;
            });
        }
    }

    private Set<String> sagasOf(String id) {
        return store.findSagas(CountingSaga.class, new AssociationValue("id", id));
    }

    private static String sagaIdIn(Segment segment) {
        for (int i = 0; ; i++) {
            if (segment.matches("saga-" + i)) {
                return "saga-" + i;
            }
        }
    }

    public record Started(String id) {
    }

    public record Ended(String id) {
    }

    public static class CountingSaga {

        @StartSaga
        @SagaEventHandler(associationProperty = "id")
        public void on(Started started) {
        }

        @EndSaga
        @SagaEventHandler(associationProperty = "id")
        public void on(Ended ended) {
        }
    }
}
