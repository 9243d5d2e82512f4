package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.command.ledger.AccountLimits;
import com.zephycloud.ledger.kernel.MonthlySpend;
import com.zephycloud.ledger.kernel.Zephycoins;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The answer of {@code user/limits/set}: the limits as the account holds them after the change
 * (null: none), the current UTC month, and what was spent in it so far, as the limit counts it.
 */
record AccountLimitsAnswer(long userId, BigDecimal monthlySpendLimit, BigDecimal lowBalanceThreshold,
                           String month, BigDecimal monthSpend, boolean lowBalance) {

    static AccountLimitsAnswer of(long userId, AccountLimits limits, Instant now) {
        YearMonth month = MonthlySpend.monthOf(now);
        return new AccountLimitsAnswer(userId, json(limits.monthlySpendLimit()), json(limits.lowBalanceThreshold()),
                month.toString(), limits.spend().spentIn(month).json(), limits.lowBalance());
    }

    private static BigDecimal json(Zephycoins amount) {
        return amount == null ? null : amount.json();
    }
}
