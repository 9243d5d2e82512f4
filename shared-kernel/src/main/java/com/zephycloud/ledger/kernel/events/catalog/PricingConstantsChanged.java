package com.zephycloud.ledger.kernel.events.catalog;

import com.zephycloud.ledger.kernel.catalog.PricingConstants;
import org.axonframework.serialization.Revision;

import java.time.Instant;

/** From {@code effectiveAt} on, pricing uses {@code constants} (the whole set). */
@Revision("1")
public record PricingConstantsChanged(PricingConstants constants, Instant effectiveAt) {
}
