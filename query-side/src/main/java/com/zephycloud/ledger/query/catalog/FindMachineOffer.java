package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** What a computation needs to know, at submission time {@code at}, about running {@code toolchain} on one machine: empty when the toolchain or the machine is not offered at {@code at}. */
public record FindMachineOffer(String toolchain, String provider, String machine, Instant at) {
}
