package com.zephycloud.ledger.infra.projects.billing;

import com.zephycloud.ledger.kernel.Zephycoins;

import java.time.Instant;

/**
 * Port onto the catalog's pricing constants: the price of keeping one mesh or one calculation
 * for one day, as valid at {@code at}.
 */
public interface StoragePrices {

    Zephycoins pricePerItemPerDay(Instant at);
}
