package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.messaging.ProcessingGroups;
import com.zephycloud.ledger.infra.messaging.GroupCommit;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.ApplicationListener;

import java.util.function.ToDoubleFunction;

/**
 * The application's own gauges (README, "Operating it"), registered once the application has
 * started, when Axon's processors exist. Values are read at each scrape. The rebuild's gauges are
 * the audit feature's ({@code infra.audit.RebuildMetrics}).
 */
final class OperationsMetrics implements ApplicationListener<ApplicationStartedEvent> {

    private final MeterRegistry registry;
    private final ProcessorLags lags;
    private final BillingBacklog billing;
    private final GroupCommit groupCommit;

    OperationsMetrics(MeterRegistry registry, ProcessorLags lags, BillingBacklog billing,
                      GroupCommit groupCommit) {
        this.registry = registry;
        this.lags = lags;
        this.billing = billing;
        this.groupCommit = groupCommit;
    }

    @Override
    public void onApplicationEvent(ApplicationStartedEvent started) {
        gauge("zephy.eventstore.head.position", "highest global index in the event store (-1: empty)", lags,
                l -> l.current().head());
        for (String name : lags.names()) {
            processorLag("zephy.processor.lag", "processor", name);
            if (ProcessingGroups.isOutbound(name)) {
                processorLag("zephy.outbound.lag", "publisher", name);
            }
        }
        gauge("zephy.billing.due.slices", "computing slices due and not charged yet", billing,
                b -> b.current().dueSlices());
        gauge("zephy.billing.oldest.due.age.seconds", "how late the oldest uncharged due slice is", billing,
                b -> b.current().oldestAgeSeconds());
        groupCommitMetrics();
    }

    private void processorLag(String prefix, String tag, String name) {
        Gauge.builder(prefix + ".events", lags, l -> l.current().of(name).events()).tag(tag, name)
                .description("events in the store not handled yet").register(registry);
        Gauge.builder(prefix + ".seconds", lags, l -> l.current().of(name).seconds()).tag(tag, name)
                .description("age of the oldest event not handled yet").baseUnit("seconds").register(registry);
    }

    private void groupCommitMetrics() {
        DistributionSummary batches = DistributionSummary.builder("zephy.group.commit.batch.size")
                .description("commands committed in one group-commit transaction")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64).register(registry);
        groupCommit.onCommitted(batches::record);
        FunctionCounter.builder("zephy.group.commit.commands", groupCommit, g -> g.counts().commands())
                .description("commands committed by the group commit").register(registry);
        gauge("zephy.group.commit.queued", "commands waiting for a group-commit lane", groupCommit,
                g -> g.counts().queued());
    }

    private <T> void gauge(String name, String description, T source, ToDoubleFunction<T> value) {
        Gauge.builder(name, source, value).description(description).register(registry);
    }
}
