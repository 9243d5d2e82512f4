package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.kernel.events.catalog.MachineCreated;
import com.zephycloud.ledger.query.catalog.RecentMachineVersions;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.core.Ordered;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.util.List;
import java.util.function.BiFunction;

/**
 * Tells {@link RecentMachineVersions} when catalog events published on this instance are
 * committed, so that a read after a catalog change on this instance never reuses what was read
 * before it.
 *
 * <p>Its transaction synchronization must run after the one of
 * {@code infra.messaging.AppendTracking}, which makes the next query read the event store's head
 * again: a read that sees the new stamp must also wait for the change to be projected. Spring
 * runs synchronizations of equal order in the order they were registered, and this interceptor is
 * registered on the event store after that one (its bean is created from it).
 */
public class CatalogChangeTracking implements MessageDispatchInterceptor<EventMessage<?>> {

    private static final String CATALOG_EVENTS = MachineCreated.class.getPackageName() + ".";

    private final RecentMachineVersions recentVersions;

    public CatalogChangeTracking(RecentMachineVersions recentVersions) {
        this.recentVersions = recentVersions;
    }

    @Override
    public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
        if (messages.stream().anyMatch(message -> message.getPayloadType().getName().startsWith(CATALOG_EVENTS))) {
            if (TransactionSynchronizationManager.isSynchronizationActive()) {
                TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                    @Override
                    public int getOrder() {
                        return Ordered.LOWEST_PRECEDENCE;
                    }

                    @Override
                    public void afterCompletion(int status) {
                        recentVersions.changed();
                    }
                });
            } else {
                // Committed where nothing reports the end: never reuse a read from now on.
                recentVersions.untracked();
            }
        }
        return (index, message) -> message;
    }
}
