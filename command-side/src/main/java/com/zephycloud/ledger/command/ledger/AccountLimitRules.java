package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.Zephycoins;

/**
 * The values a limit may take. A monthly spend limit of zero is allowed: it stops every charge
 * until it is raised. A low-balance threshold must be positive: a balance never goes below zero,
 * so a threshold of zero could never be crossed.
 */
public final class AccountLimitRules {

    private AccountLimitRules() {
    }

    public static void check(Zephycoins monthlySpendLimit, Zephycoins lowBalanceThreshold) {
        if (monthlySpendLimit != null && monthlySpendLimit.isNegative()) {
            throw new IllegalArgumentException("monthly_spend_limit must be zero or more zephycoins, got "
                    + monthlySpendLimit + "; give an empty value to clear it");
        }
        if (lowBalanceThreshold != null && !lowBalanceThreshold.isPositive()) {
            throw new IllegalArgumentException("low_balance_threshold must be a positive number of zephycoins, got "
                    + lowBalanceThreshold + "; give an empty value to clear it");
        }
    }
}
