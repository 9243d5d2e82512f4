package com.zephycloud.ledger.infra.projects.billing;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.projects.StorageUsage;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The storage rule: a user pays, for each UTC day, the day's price per item times the number of
 * meshes and calculations that were alive at some moment of that day (a started day is due).
 */
public record StorageCharge(LocalDate day, StorageUsage usage, Zephycoins amount) {

    public static StorageCharge of(LocalDate day, StorageUsage usage, Zephycoins pricePerItemPerDay) {
        return new StorageCharge(day, usage, pricePerItemPerDay.times(BigDecimal.valueOf(usage.items())));
    }

    public boolean isDue() {
        return amount.isPositive();
    }

    public String description() {
        return "Storage on " + day + ": " + usage.meshCount() + " meshes, " + usage.calcCount() + " calculations";
    }

    /** The request key that makes this charge happen once per (user, day), whatever retries or restarts. */
    public String requestKey(long userId) {
        return "storage:" + userId + ":" + day;
    }
}
