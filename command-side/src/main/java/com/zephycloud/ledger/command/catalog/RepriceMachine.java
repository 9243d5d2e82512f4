package com.zephycloud.ledger.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Applies new pricing inputs, valid from {@code from} on, to an automatically priced machine. */
public record RepriceMachine(String machineId, Instant from, PricingInputs inputs, String cause) {

    @TargetAggregateIdentifier
    public String target() {
        return machineId;
    }
}
