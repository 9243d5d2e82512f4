package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.MonthlySpend;
import com.zephycloud.ledger.kernel.Zephycoins;

import java.time.Instant;
import java.time.YearMonth;

/**
 * A charge never takes the spend of the current UTC calendar month ({@link MonthlySpend}) above
 * the user's monthly spend limit; with no limit, anything the balance covers may be spent. A
 * charge that ends exactly at the limit passes.
 */
public final class SpendLimitPolicy {

    private SpendLimitPolicy() {
    }

    /** Why {@code amount} cannot be charged at {@code now}, or null when it can. */
    public static String refusal(Zephycoins limit, Zephycoins spentThisMonth, Zephycoins amount, Instant now) {
        if (limit == null || !limit.isLessThan(spentThisMonth.plus(amount))) {
            return null;
        }
        YearMonth month = MonthlySpend.monthOf(now);
        return "monthly spend limit exceeded: the limit is " + limit + " zephycoins per UTC calendar month, "
                + spentThisMonth + " were spent in " + month + ", " + amount + " were asked; raise or clear the"
                + " limit with admin/user/limits/set (monthly_spend_limit), or wait until "
                + MonthlySpend.startOf(month.plusMonths(1));
    }

    public static void check(Zephycoins limit, Zephycoins spentThisMonth, Zephycoins amount, Instant now) {
        String refusal = refusal(limit, spentThisMonth, amount, now);
        if (refusal != null) {
            throw new IllegalStateException(refusal);
        }
    }
}
