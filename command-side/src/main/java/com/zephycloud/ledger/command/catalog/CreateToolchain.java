package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Adds a toolchain; {@code machines}: allowed machine names per provider (may be empty). */
public record CreateToolchain(long toolchainId, String name, Zephycoins fixedPrice, int machineLimit,
                              Map<String, List<String>> machines, Instant requestedAt, Instant effectiveDate) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Toolchain.id(toolchainId);
    }
}
