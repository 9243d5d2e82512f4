package com.zephycloud.ledger.kernel.events.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** From {@code effectiveAt} on, the toolchain is as described (its whole new state). */
@Revision("1")
public record ToolchainUpdated(long toolchainId, String name, Zephycoins fixedPrice, int machineLimit, Map<String, List<String>> machines, Instant effectiveAt) {
}
