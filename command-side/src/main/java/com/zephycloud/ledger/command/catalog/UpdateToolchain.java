package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Changes a toolchain from {@code effectiveDate} (null: now); null fields keep their value. */
public record UpdateToolchain(long toolchainId, Zephycoins fixedPrice, Integer machineLimit,
                              Map<String, List<String>> machines, Instant requestedAt, Instant effectiveDate) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Toolchain.id(toolchainId);
    }
}
