package com.zephycloud.ledger.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Offers a machine type at a provider from {@code effectiveDate} (null: now). {@code prices}
 * (rank name to zephycoins per hour) may be null only with {@code autoUpdate}: the formula
 * then prices it.
 */
public record CreateMachine(String provider,
                            String machine,
                            int cores,
                            long ram,
                            int availability,
                            Map<String, BigDecimal> prices,
                            int priceSecGranularity,
                            int priceMinSecGranularity,
                            BigDecimal costPerHour,
                            String costCurrency,
                            int costSecGranularity,
                            int costMinSecGranularity,
                            boolean autoUpdate,
                            Instant requestedAt,
                            Instant effectiveDate) {

    @TargetAggregateIdentifier
    public String machineId() {
        return Machine.id(provider, machine);
    }
}
