package com.zephycloud.ledger.query.common;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * State a projection gathers while its processor handles one batch of events, written just before
 * the batch's database transaction commits. A streaming processor handles a batch in one unit of
 * work and one transaction; writing once per batch instead of once per event turns a hundred
 * round trips into one, while the batch stays atomic with its token. Outside a unit of work (a
 * handler called directly) each use is written at once.
 *
 * @param <T> what is gathered, e.g. pending statements or sums
 */
public final class PerBatch<T> {

    private final String resourceKey = PerBatch.class.getName() + "@" + Integer.toHexString(System.identityHashCode(this));
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
        UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
        T state = batch.getOrComputeResource(resourceKey, key -> {
            T fresh = empty.get();
            batch.onPrepareCommit(unitOfWork -> write.accept(fresh));
            return fresh;
        });
        change.accept(state);
    }
}
