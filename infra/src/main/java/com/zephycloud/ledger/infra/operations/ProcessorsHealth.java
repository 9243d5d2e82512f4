package com.zephycloud.ledger.infra.operations;

import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.NamedContributor;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every Axon event processor of this instance as a health component named after it
 * ({@code processors/users}, …), so that a projection in error makes readiness DOWN and says which.
 */
final class ProcessorsHealth implements CompositeHealthContributor {

    private final EventProcessingConfiguration processing;
    private final ProcessorErrors errors;

    ProcessorsHealth(EventProcessingConfiguration processing, ProcessorErrors errors) {
        this.processing = processing;
        this.errors = errors;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return processing.eventProcessor(name).map(processor -> (HealthContributor) new ProcessorHealth(processor, errors)).orElse(null);
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        Map<String, HealthContributor> byName = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> byName.put(name, new ProcessorHealth(processor, errors)));
        return byName.entrySet().stream()
                .map(entry -> NamedContributor.of(entry.getKey(), entry.getValue())).iterator();
    }
}
