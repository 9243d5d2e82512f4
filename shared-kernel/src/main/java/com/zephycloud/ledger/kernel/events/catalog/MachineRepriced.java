package com.zephycloud.ledger.kernel.events.catalog;

import com.zephycloud.ledger.kernel.catalog.MachineSpec;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The automatic pricing gave the machine new prices from {@code effectiveAt} on (until its next version), because {@code cause} changed. */
@Revision("1")
public record MachineRepriced(String provider, String machine, MachineSpec spec, Instant effectiveAt, String cause) {
}
