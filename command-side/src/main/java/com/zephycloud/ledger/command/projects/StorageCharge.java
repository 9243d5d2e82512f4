package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * The storage rule: a user pays, for each UTC day, the day's price per item times the number of
 * meshes and calculations that were alive at some moment of that day (a started day is due).
 * The charge is a consumption of the user's credit, so the account's own rules decide whether it
 * can be paid (an active user with enough credit).
 */
public record StorageCharge(LocalDate day, int meshCount, int calcCount, Zephycoins amount) {

    public static StorageCharge of(LocalDate day, int meshCount, int calcCount, Zephycoins pricePerItemPerDay) {
        return new StorageCharge(day, meshCount, calcCount,
                pricePerItemPerDay.times(BigDecimal.valueOf(meshCount + calcCount)));
    }

    /** Nothing is charged for a day without items, or at a price of zero. */
    public boolean isDue() {
        return amount.isPositive();
    }

    public String description() {
        return "Storage on " + day + ": " + meshCount + " meshes, " + calcCount + " calculations";
    }

    /** The consumption that charges this day to {@code userId}'s account. */
    public ConsumeCredit consumption(UserId userId, TransactionId transactionId) {
        return new ConsumeCredit(userId, transactionId, amount, description(), null, ChargeCategory.STORAGE,
                new ChargeContext(null, null, null, null, null, calcCount, meshCount));
    }
}
