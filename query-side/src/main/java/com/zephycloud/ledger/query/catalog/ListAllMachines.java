package com.zephycloud.ledger.query.catalog;

import java.time.Instant;

/** The names of the machines offered at {@code at}, per provider. */
public record ListAllMachines(Instant at) {
}
