package com.zephycloud.ledger.command.catalog;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * When a catalog change takes effect: now (the request's time), or a scheduled future instant.
 * A change is never back-dated: reads of the past already answered, and computations already
 * priced, must stay true. The request's own second counts as now.
 */
public final class EffectiveTime {

    private EffectiveTime() {
    }

    public static Instant resolve(Instant requestedAt, Instant effectiveDate) {
        if (effectiveDate == null) {
            return requestedAt;
        }
        Instant currentSecond = requestedAt.truncatedTo(ChronoUnit.SECONDS);
        if (effectiveDate.isBefore(currentSecond)) {
            throw new IllegalArgumentException("effective_date " + effectiveDate.getEpochSecond()
                    + " is in the past (now is " + currentSecond.getEpochSecond()
                    + "): a catalog change cannot be back-dated, give now or a future date");
        }
        return effectiveDate.equals(currentSecond) ? requestedAt : effectiveDate;
    }
}
