package com.zephycloud.ledger.infra.messaging;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Tells the {@link EventStoreHead} when events published on this instance are committed. It
 * runs when events are published, before they are stored, so it hooks the end of the enclosing
 * transaction: only then does a database read of the head include them.
 */
public class AppendTracking implements MessageDispatchInterceptor<EventMessage<?>> {

    private final EventStoreHead head;

    public AppendTracking(EventStoreHead head) {
        this.head = head;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    head.appendCommitted();
                }
            });
        } else if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().onCleanup(unitOfWork -> head.appendCommitted());
        } else {
            // Stored right after this returns, in a transaction of their own that nothing
            // reports the end of: safe only if the head is always read from the database.
            head.appendUntracked();
        }
        return (index, message) -> message;
    }
}
