package com.zephycloud.ledger.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stops offering a machine from {@code effectiveDate} (null: now). */
public record RemoveMachine(String provider, String machine, Instant requestedAt, Instant effectiveDate) {

    @TargetAggregateIdentifier
    public String machineId() {
        return Machine.id(provider, machine);
    }
}
