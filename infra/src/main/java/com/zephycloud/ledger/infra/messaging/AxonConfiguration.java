package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.eventstore.EventArrivals;
import com.zephycloud.ledger.infra.eventstore.InstanceName;
import com.zephycloud.ledger.infra.eventstore.StoredAggregateVersions;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;

/**
 * How Axon runs here: projections on pooled streaming processors that stop and retry on error
 * instead of skipping an event, commands routed by {@link CommandTargets}, queries without a
 * transaction. Each feature registers its own aggregates explicitly (the command side knows no
 * Spring) and its command side's registers on a subscribing processor, inside the command's own
 * database transaction (e.g. {@code LedgerConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class AxonConfiguration {

    /** Tests replace this bean with a clock they control; events are stamped with it. */
    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    public ConfigurerModule eventClock(Clock clock) {
        return configurer -> GenericEventMessage.clock = clock;
    }

    /** Axon's own: the correlation and trace ids of the message that caused a message. */
    @Bean
    public CorrelationDataProvider messageOriginProvider() {
        return new MessageOriginProvider();
    }

    /** Who made a change: a command's actor goes into the metadata of the events it applies. */
    @Bean
    public CorrelationDataProvider actorCorrelation() {
        return new SimpleCorrelationDataProvider(Actor.METADATA_KEY);
    }

    /** The processors' handlers filter the events they read by payload type first ({@link TypeFilteringInvoker}). */
    @Bean
    public EventProcessingModule eventProcessingModule() {
        return new TypeFilteringProcessingModule();
    }

    /** The caches of the cached aggregates, checked against the store on every use. */
    @Bean
    public AggregateCaches aggregateCaches(StoredAggregateVersions storedVersions) {
        return new AggregateCaches(storedVersions);
    }

    /** What the aggregate caches check their copies against; the group commit reads it ahead for its batches. */
    @Bean
    public StoredAggregateVersions storedAggregateVersions(JdbcTemplate jdbc) {
        return new StoredAggregateVersions(jdbc);
    }

    /** Read-your-writes learns of every event this instance publishes when its transaction ends. */
    @Bean
    public AppendTracking appendTracking(EventStore eventStore, EventStoreHead head) {
        AppendTracking tracking = new AppendTracking(head);
        eventStore.registerDispatchInterceptor(tracking);
        return tracking;
    }

    /**
     * Axon's default query bus, minus the transaction it opens around every query: query handlers
     * only read, statement by statement, and at READ COMMITTED a transaction gives those
     * statements no common snapshot anyway, while its BEGIN and COMMIT cost about as much as a
     * keyed lookup (measured 0.13 ms on PostgreSQL).
     */
    @Bean
    @Qualifier("localSegment")
    public SimpleQueryBus queryBus(org.axonframework.config.Configuration axon) {
        return SimpleQueryBus.builder()
                .messageMonitor(axon.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axon.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axon.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axon.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * The processors read the event store through {@link EventArrivals}, which tells them when events
     * arrive (an Axon component: it is built on the event store Axon's configuration builds).
     * <p>
     * Each projection has {@code zephy.projections.segments} segments (4 by default: equal quarters
     * of the stream, shared 2/1/1 over three instances, 2/2 over two), claimed up to this
     * instance's {@link FairShare}. More segments cost a little CPU on one instance (each segment
     * stores its token per batch it handles; docs/read-your-writes.md has the figures), and a
     * rebuild replays them on one stream anyway ({@code SingleStreamReplay}).
     */
    @Bean
    public ConfigurerModule eventProcessingDefaults(
            @Value("${zephy.projections.min-wait-for-events}") Duration minWaitForEvents,
            @Value("${zephy.projections.max-wait-for-events}") Duration maxWaitForEvents,
            @Value("${zephy.projections.segments}") int segments, FairShare fairShare) {
        return configurer -> {
            configurer.registerComponent(EventArrivals.class, config -> {
                EventArrivals arrivals = new EventArrivals(config.eventStore(), minWaitForEvents,
                        maxWaitForEvents);
                config.onShutdown(arrivals::close);
                return arrivals;
            });
            configurer.eventProcessing(processing -> processing
                    .usingPooledStreamingEventProcessors((config, builder) -> builder
                            .messageSource(config.getComponent(EventArrivals.class))
                            .batchSize(100)
                            .initialSegmentCount(segments)
                            .maxSegmentProvider(fairShare))
                    .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance()));
        };
    }

    /** This instance's share of each projection's segments among the live instances. */
    @Bean
    public FairShare fairShare(JdbcTemplate jdbc) {
        return new FairShare(jdbc);
    }

    @Bean
    public ProcessorInstances processorInstances(JdbcTemplate jdbc, InstanceName instance, FairShare fairShare,
                                                 @Value("${zephy.projections.heartbeat-interval}") Duration interval,
                                                 @Value("${axon.eventhandling.tokenstore.claim-timeout:10s}") Duration claimTimeout) {
        ProcessorInstances instances = new ProcessorInstances(jdbc, instance, interval, claimTimeout, fairShare::refresh);
        fairShare.instances(instances);
        return instances;
    }

    /** Consumptions and credits committed together under load ({@link GroupCommit}). */
    @Bean
    public GroupCommit groupCommit(CommandGateway commands, TransactionManager transactions, CommandTargets targets,
                                   StoredAggregateVersions storedVersions,
                                   @Value("${zephy.ledger.group-commit.lanes}") int lanes,
                                   @Value("${zephy.ledger.group-commit.max-batch}") int maxBatch) {
        return new GroupCommit(commands, transactions, targets, storedVersions, lanes, maxBatch);
    }

    /** Every aggregate finds its commands' target through {@link CommandTargets}. */
    @Bean
    public CommandTargets commandTargets() {
        return new CommandTargets();
    }

    @Bean
    public ConfigurerModule commandTargetResolution(CommandTargets targets) {
        return configurer -> configurer.registerComponent(CommandTargetResolver.class, config -> targets);
    }
}
