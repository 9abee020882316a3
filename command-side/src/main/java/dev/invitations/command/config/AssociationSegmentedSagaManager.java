package dev.invitations.command.config;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.Segment;
import org.axonframework.modelling.saga.AnnotatedSagaManager;

/**
 * A saga manager that hands each event only to the segment its association value falls in, and there to every saga
 * with that value.
 * <p>
 * Axon's own manager hands every event the saga type handles to every segment, and each segment looks the sagas up
 * by the event's association value and keeps those whose identifier falls in it: with two segments, two saga-store
 * reads and two token writes per event where one would do. Routing by the association value is sound for a saga type
 * whose instances each have one association value, given when it starts, that all its events carry (as the
 * invitation's id for {@code InvitationSaga}): all events of one saga then go to one segment, in order, whatever the
 * number of segments and whichever segment the saga's identifier falls in, so sagas started under another number of
 * segments are found too. A new saga is started by the segment of its association value, as Axon's manager does.
 */
final class AssociationSegmentedSagaManager<T> extends AnnotatedSagaManager<T> {

    AssociationSegmentedSagaManager(Builder<T> builder) {
        super(builder);
    }

    @Override
    public boolean canHandle(EventMessage<?> event, Segment segment) {
        return super.canHandle(event, segment)
                && extractAssociationValues(event).stream().anyMatch(segment::matches);
    }

    /** Every saga of the event's association value: the event reached this segment because the value falls in it. */
    @Override
    protected boolean matchesSegment(Segment segment, String sagaId) {
        return true;
    }
}
