package com.zephycloud.ledger.kernel.events.catalog;

import com.zephycloud.ledger.kernel.catalog.MachineSpec;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** From {@code effectiveAt} on (until the machine's next version), the machine is {@code spec}. An update that precedes already scheduled versions restates each of them with its own event. */
@Revision("1")
public record MachineUpdated(String provider, String machine, MachineSpec spec, Instant effectiveAt) {
}
