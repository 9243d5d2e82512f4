package com.zephycloud.ledger.jdbc;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State gathered while a unit of work handles its messages, written when that unit of work
 * prepares to commit, inside its database transaction. A streaming processor handles a batch of
 * events in one unit of work, so a projection writes once per batch instead of once per event,
 * and the batch stays atomic with its token; a register on a subscribing processor writes inside
 * the command's transaction, and a failed write rolls the command back. Outside a unit of work (a
 * handler called directly) each use is written at once.
 *
 * @param <T> what is gathered, e.g. pending statements or sums
 */
public final class PerBatch<T> {

    /** Numbers the instances: identity hash codes may repeat, and two instances must not share state. */
    private static final AtomicLong INSTANCES = new AtomicLong();

    private final String resourceKey = PerBatch.class.getName() + "#" + INSTANCES.incrementAndGet();
    private final Supplier<T> empty;
    private final Consumer<T> write;

    /**
     * @param empty a fresh, empty state for a new batch
     * @param write writes the gathered state; called once per batch, inside its transaction
     */
    public PerBatch(Supplier<T> empty, Consumer<T> write) {
        this.empty = empty;
        this.write = write;
    }

    /** Adds to the current batch's state. */
    public void add(Consumer<T> change) {
        if (!CurrentUnitOfWork.isStarted()) {
            T alone = empty.get();
            change.accept(alone);
            write.accept(alone);
            return;
        }
        // the current unit of work, not its root: a subscribing processor's nested unit of work
        // prepares to commit before the command's, which is already committing when it runs
        UnitOfWork<?> batch = CurrentUnitOfWork.get();
        T state = batch.getOrComputeResource(resourceKey, key -> {
            T fresh = empty.get();
            batch.onPrepareCommit(unitOfWork -> write.accept(fresh));
            return fresh;
        });
        change.accept(state);
    }
}
