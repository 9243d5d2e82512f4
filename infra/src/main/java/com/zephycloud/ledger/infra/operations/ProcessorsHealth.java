package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.messaging.StoredTokenPositions;
import com.zephycloud.ledger.infra.messaging.ProcessingGroups;
import org.axonframework.config.EventProcessingConfiguration;
import org.springframework.boot.actuate.health.CompositeHealthContributor;
import org.springframework.boot.actuate.health.HealthContributor;
import org.springframework.boot.actuate.health.NamedContributor;

import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Axon event processors of this instance as health components named after them: the read models
 * and the registers as {@code processors/users}, …, so that a projection in error makes readiness
 * DOWN and says which; the outbound processors ({@link ProcessingGroups}) as {@code outbound/…},
 * outside readiness: a broker outage must not take every instance out of service.
 */
final class ProcessorsHealth implements CompositeHealthContributor {

    private final EventProcessingConfiguration processing;
    private final ProcessorErrors errors;
    private final StoredTokenPositions claims;
    private final boolean outbound;

    /** @param outbound the outbound processors only, or all the others */
    ProcessorsHealth(EventProcessingConfiguration processing, ProcessorErrors errors, StoredTokenPositions claims,
                     boolean outbound) {
        this.processing = processing;
        this.errors = errors;
        this.claims = claims;
        this.outbound = outbound;
    }

    @Override
    public HealthContributor getContributor(String name) {
        return processing.eventProcessor(name).filter(processor -> included(name))
                .map(processor -> (HealthContributor) new ProcessorHealth(processor, errors, claims)).orElse(null);
    }

    private boolean included(String name) {
        return ProcessingGroups.isOutbound(name) == outbound;
    }

    @Override
    public Iterator<NamedContributor<HealthContributor>> iterator() {
        Map<String, HealthContributor> byName = new TreeMap<>();
        processing.eventProcessors().forEach((name, processor) -> {
            if (included(name)) {
                byName.put(name, new ProcessorHealth(processor, errors, claims));
            }
        });
        return byName.entrySet().stream()
                .map(entry -> NamedContributor.of(entry.getKey(), entry.getValue())).iterator();
    }
}
