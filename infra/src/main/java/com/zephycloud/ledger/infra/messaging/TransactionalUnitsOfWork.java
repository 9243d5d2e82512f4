package com.zephycloud.ledger.infra.messaging;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.ResultMessage;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.concurrent.Callable;

/**
 * Work run in a unit of work started outside a message handler (billing batches, replayed
 * batches), bound to a database transaction of its own: it commits with the unit of work, rolls
 * back on any failure, and the failure reaches the caller as thrown, not as an exceptional result.
 */
public final class TransactionalUnitsOfWork {

    private TransactionalUnitsOfWork() {
    }

    /** Runs {@code work} in {@code unitOfWork} (not started yet) and a new transaction; returns its result. */
    public static <R> R run(UnitOfWork<?> unitOfWork, TransactionManager transactions, Callable<R> work) {
        // Started first: a transaction that cannot begin (no database connection) rolls back a
        // started unit of work and surfaces as itself; on one not started, Axon's rollback fails
        // with "incompatible phase: NOT_STARTED" and hides the cause.
        unitOfWork.start();
        unitOfWork.attachTransaction(transactions);
        ResultMessage<R> result = unitOfWork.executeWithResult(work, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw unchecked(result.exceptionResult());
        }
        return result.getPayload();
    }

    /** {@code failure} to throw as it is: an unchecked one itself (an Error is thrown here), a checked one wrapped. */
    static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException runtime) {
            return runtime;
        }
        if (failure instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(failure);
    }
}
