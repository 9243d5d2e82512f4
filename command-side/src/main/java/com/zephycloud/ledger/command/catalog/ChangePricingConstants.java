package com.zephycloud.ledger.command.catalog;

import java.time.Instant;

/** Changes pricing constants from {@code effectiveDate} (null: now); reprices automatic machines. */
public record ChangePricingConstants(PricingConstantsChange change, Instant requestedAt, Instant effectiveDate) {
}
