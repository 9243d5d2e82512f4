package com.zephycloud.ledger.query.catalog;

/** Every version of one machine, oldest first, scheduled ones included. */
public record ListMachinePriceHistory(String provider, String machine) {
}
