package com.zephycloud.ledger.kernel.events.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A toolchain (an allowed operation) was added; {@code machines} lists allowed machine names per provider. */
@Revision("1")
public record ToolchainCreated(long toolchainId, String name, Zephycoins fixedPrice, int machineLimit, Map<String, List<String>> machines, Instant effectiveAt) {
}
