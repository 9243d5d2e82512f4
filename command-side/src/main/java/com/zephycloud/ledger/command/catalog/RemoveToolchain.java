package com.zephycloud.ledger.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Stops offering a toolchain from {@code effectiveDate} (null: now). */
public record RemoveToolchain(long toolchainId, Instant requestedAt, Instant effectiveDate) {

    @TargetAggregateIdentifier
    public String aggregateId() {
        return Toolchain.id(toolchainId);
    }
}
