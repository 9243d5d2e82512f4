package com.zephycloud.ledger.kernel.events.catalog;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/** The toolchain is no longer offered from {@code effectiveAt} on. */
@Revision("1")
public record ToolchainRemoved(long toolchainId, String name, Instant effectiveAt) {
}
