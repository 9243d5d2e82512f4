package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.MonthlySpend;
import com.zephycloud.ledger.kernel.Zephycoins;

import java.time.Instant;

/**
 * A user's limits as the account holds them: the monthly spend limit and the low-balance
 * threshold (null: none), what was spent in the month of the last charge, and whether the balance
 * is low (below the threshold, as the last {@code LowBalanceReached} or {@code BalanceRestored}
 * said).
 */
public record AccountLimits(Zephycoins monthlySpendLimit,
                            Zephycoins lowBalanceThreshold,
                            MonthlySpend spend,
                            boolean lowBalance) {

    public static final AccountLimits NONE = new AccountLimits(null, null, MonthlySpend.NONE, false);

    public AccountLimits withMonthlySpendLimit(Zephycoins limit) {
        return new AccountLimits(limit, lowBalanceThreshold, spend, lowBalance);
    }

    /** A cleared threshold ends the watch: the balance is no longer called low. */
    public AccountLimits withLowBalanceThreshold(Zephycoins threshold) {
        return new AccountLimits(monthlySpendLimit, threshold, spend, threshold != null && lowBalance);
    }

    public AccountLimits withLowBalance(boolean low) {
        return new AccountLimits(monthlySpendLimit, lowBalanceThreshold, spend, low);
    }

    public AccountLimits charged(Instant at, Zephycoins amount) {
        return new AccountLimits(monthlySpendLimit, lowBalanceThreshold, spend.charged(at, amount), lowBalance);
    }

    public AccountLimits refunded(Instant at, Zephycoins amount) {
        return new AccountLimits(monthlySpendLimit, lowBalanceThreshold, spend.refunded(at, amount), lowBalance);
    }

    /** What was spent in the UTC calendar month of {@code now}. */
    public Zephycoins spentInMonthOf(Instant now) {
        return spend.spentIn(MonthlySpend.monthOf(now));
    }
}
