package dev.invitations.query;

import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Makes the writes a projection gathers over a batch of events once the batch's last event has been handled, before
 * the batch commits. Axon's processor stores its token first thing as a batch commits (a prepare-commit step it
 * registers before any handler runs), and no MongoDB transaction holds the token and the views together: a write made
 * at commit that failed (the storage gone, the process killed) left the token past events the views never took in,
 * for good. Made before, a failed write rolls the batch back with its token, and the batch is handled again.
 */
@Component
public class BatchWrites implements ConfigurerModule {

    private static final String PENDING = BatchWrites.class.getName();

    /**
     * The object gathering one projection's writes in the batch being handled, made by {@code create} at its first
     * event; {@code write} makes its writes once the batch's last event has been handled.
     */
    public static <B> B current(String key, Supplier<B> create, Consumer<B> write) {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        // no getOrComputeResource: registering the write inside its computation would change the map it computes in
        B batch = root.getResource(key);
        if (batch == null) {
            B created = create.get();
            root.resources().put(key, created);
            pending(root).add(() -> write.accept(created));
            batch = created;
        }
        return batch;
    }

    /** The events of the batch being handled, in order: its one event outside a processor's batch. */
    public static List<? extends EventMessage<?>> eventsOfBatch() {
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        if (root instanceof BatchingUnitOfWork<?> batch) {
            return batch.getMessages().stream().map(message -> (EventMessage<?>) message).toList();
        }
        return List.of((EventMessage<?>) root.getMessage());
    }

    private static List<Runnable> pending(UnitOfWork<?> root) {
        List<Runnable> pending = root.getResource(PENDING);
        if (pending == null) {
            pending = new ArrayList<>();
            root.resources().put(PENDING, pending);
            // only for a unit of work no processor's interceptor sees: late, but not dropped
            root.onPrepareCommit(committing -> writePending(root));
        }
        return pending;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.eventProcessing().registerDefaultHandlerInterceptor((axon, processor) -> (unitOfWork, chain) -> {
            Object result = chain.proceed();
            // every event of a batch passes here, whichever handlers it has
            if (!(unitOfWork.root() instanceof BatchingUnitOfWork<?> batch) || batch.isLastMessage()) {
                writePending(unitOfWork.root());
            }
            return result;
        });
    }

    private static void writePending(UnitOfWork<?> root) {
        List<Runnable> pending = root.getResource(PENDING);
        if (pending != null) {
            List<Runnable> writes = List.copyOf(pending);
            pending.clear();
            writes.forEach(Runnable::run);
        }
    }
}
