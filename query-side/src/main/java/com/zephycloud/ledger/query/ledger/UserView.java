package com.zephycloud.ledger.query.ledger;

import java.math.BigDecimal;

/**
 * A user as {@code users} and {@code user/show} show it; {@code credit} is the balance. The limits
 * are null when not set; {@code monthSpend} is what the user's charges took this UTC calendar
 * month, net of the charges given back in it ({@code MonthlySpend}); {@code lowBalance} is true
 * from a {@code LowBalanceReached} to the next {@code BalanceRestored}.
 */
public record UserView(long id, String login, String email, String rank, BigDecimal credit, boolean deleted,
                       BigDecimal monthlySpendLimit, BigDecimal lowBalanceThreshold, BigDecimal monthSpend,
                       boolean lowBalance) {
}
