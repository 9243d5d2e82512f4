package com.zephycloud.ledger.infra.operations;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.micrometer.MessageCountingMonitor;

/**
 * Counts the commands the command bus handles, per command type and outcome, with Axon's own
 * monitor ({@code zephy.commands.successCounter{payloadType="ConsumeCredit"}}, {@code
 * failureCounter}, {@code ingestedCounter}, …). Only the command bus: Axon's monitors on every
 * event processor would time each event of each projection, and the lag gauges say what matters
 * there. A command of a group commit that is run again after its group rolled back is counted at
 * each run.
 */
final class CommandMetrics implements ConfigurerModule {

    static final String PREFIX = "zephy.commands";

    private final MeterRegistry registry;

    CommandMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void configureModule(Configurer configurer) {
        MessageCountingMonitor monitor = MessageCountingMonitor.buildMonitor(PREFIX, registry,
                message -> Tags.of("payloadType", message.getPayloadType().getSimpleName()));
        configurer.configureMessageMonitor(CommandBus.class, configuration -> monitor);
    }
}
