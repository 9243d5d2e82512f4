package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.command.computations.Computation;
import com.zephycloud.ledger.infra.computations.billing.BillingRegister;
import com.zephycloud.ledger.infra.computations.billing.SliceBilling;
import com.zephycloud.ledger.infra.computations.billing.SliceBillingWorkers;
import com.zephycloud.ledger.infra.messaging.AggregateCaches;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Computations on Axon: the Computation aggregate (cached, snapshotted: a long job has one event
 * per slice), the billing registers on a subscribing processor (inside the command's
 * transaction), and the workers that charge due slices. The cache keeps the running jobs: with
 * Axon's weak-reference cache most slice charges reloaded the job from the event store.
 */
@Configuration(proxyBeanMethods = false)
public class ComputationAxonConfiguration {

    @Bean
    public ConfigurerModule computationAggregate(@Value("${zephy.computations.snapshot-threshold}") int snapshotThreshold,
                                                 @Value("${zephy.computations.cached-jobs}") int cachedJobs,
                                                 AggregateCaches caches) {
        return configurer -> {
            AggregateConfigurer<Computation> aggregate = AggregateConfigurer.defaultConfiguration(Computation.class);
            aggregate.configureCache(config -> caches.holding(cachedJobs))
                    .configureSnapshotTrigger(config -> new EventCountSnapshotTriggerDefinition(
                            AggregateSnapshotter.builder()
                                    .eventStore(config.eventStore())
                                    .aggregateFactories(aggregate.aggregateFactory())
                                    // the application's resolvers: without them the snapshotter cannot build
                                    // the aggregate's model (its handlers take ports as parameters) and stores none
                                    .parameterResolverFactory(config.parameterResolverFactory())
                                    .handlerDefinition(config.handlerDefinition(Computation.class))
                                    .transactionManager(config.getComponent(TransactionManager.class))
                                    .executor(Executors.newSingleThreadExecutor(runnable -> {
                                        Thread thread = new Thread(runnable, "computation-snapshots");
                                        thread.setDaemon(true);
                                        return thread;
                                    }))
                                    .build(),
                            snapshotThreshold));
            configurer.configureAggregate(aggregate);
            configurer.eventProcessing(processing -> processing
                    .registerSubscribingEventProcessor(BillingRegister.PROCESSING_GROUP));
        };
    }

    @Bean
    public SliceBilling sliceBilling(CommandGateway commands, TransactionManager transactions, JdbcTemplate jdbc,
                                     Clock clock, @Value("${zephy.computations.billing.batch-size}") int batchSize) {
        return new SliceBilling(commands, transactions, jdbc, clock, batchSize);
    }

    @Bean
    public SliceBillingWorkers sliceBillingWorkers(SliceBilling billing,
                                                   @Value("${zephy.computations.billing.workers}") int workers,
                                                   @Value("${zephy.computations.billing.poll-interval}") Duration pollInterval) {
        return new SliceBillingWorkers(billing, workers, pollInterval);
    }
}
