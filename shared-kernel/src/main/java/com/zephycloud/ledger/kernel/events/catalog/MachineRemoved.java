package com.zephycloud.ledger.kernel.events.catalog;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The machine is no longer offered from {@code effectiveAt} on; versions scheduled after it are dropped. */
@Revision("1")
public record MachineRemoved(String provider, String machine, Instant effectiveAt) {
}
