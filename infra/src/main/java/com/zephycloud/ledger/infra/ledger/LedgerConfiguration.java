package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.command.ledger.LedgerEntries;
import com.zephycloud.ledger.command.ledger.TransactionCancellation;
import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.command.ledger.UserAccount;
import com.zephycloud.ledger.infra.eventstore.CurrentClassSnapshots;
import com.zephycloud.ledger.infra.messaging.AggregateCaches;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;

/**
 * The users' accounts on the command side: the {@link UserAccount} aggregate (cached, snapshotted),
 * the cancellation of transactions, and the ledger's register, which runs on a subscribing
 * processor so that its rows commit in the command's own transaction.
 */
@Configuration(proxyBeanMethods = false)
public class LedgerConfiguration {

    @Bean
    public ConfigurerModule userAccountAggregate(@Value("${zephy.ledger.snapshot-threshold}") int snapshotThreshold,
                                                 @Value("${zephy.ledger.cached-accounts}") int cachedAccounts,
                                                 AggregateCaches caches,
                                                 LedgerEntries ledgerEntries,
                                                 TransactionIdGenerator transactionIds) {
        return configurer -> {
            AggregateConfigurer<UserAccount> aggregate = AggregateConfigurer.defaultConfiguration(UserAccount.class);
            aggregate.configureCache(config -> caches.holding(cachedAccounts))
                    .configureSnapshotFilter(config -> new CurrentClassSnapshots(UserAccount.class))
                    .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                            AggregateSnapshotter.builder()
                                    .eventStore(config.eventStore())
                                    .aggregateFactories(aggregate.aggregateFactory())
                                    // the application's resolvers: without them the snapshotter cannot build
                                    // the aggregate's model (its handlers take ports as parameters) and stores none
                                    .parameterResolverFactory(config.parameterResolverFactory())
                                    .handlerDefinition(config.handlerDefinition(UserAccount.class))
                                    .transactionManager(config.getComponent(TransactionManager.class))
                                    .executor(Executors.newSingleThreadExecutor(daemon("user-account-snapshots")))
                                    .build(),
                            snapshotThreshold));
            configurer.configureAggregate(aggregate);
            configurer.registerCommandHandler(config -> new TransactionCancellation(
                    config.repository(UserAccount.class), ledgerEntries, transactionIds));
            configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(LedgerEntryRegister.PROCESSING_GROUP));
        };
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
