package com.zephycloud.ledger.kernel.events.catalog;

import com.zephycloud.ledger.kernel.catalog.MachineSpec;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** A machine type is offered by a provider from {@code effectiveAt} on. */
@Revision("1")
public record MachineCreated(String provider, String machine, MachineSpec spec, Instant effectiveAt) {
}
