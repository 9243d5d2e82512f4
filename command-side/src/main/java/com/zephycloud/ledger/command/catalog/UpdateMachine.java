package com.zephycloud.ledger.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Changes a machine from {@code effectiveDate} (null: now); see {@link MachineChange}. */
public record UpdateMachine(String provider, String machine, MachineChange change, Instant requestedAt,
                            Instant effectiveDate) {

    @TargetAggregateIdentifier
    public String machineId() {
        return Machine.id(provider, machine);
    }
}
