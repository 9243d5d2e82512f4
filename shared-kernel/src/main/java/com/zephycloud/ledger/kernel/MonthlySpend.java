package com.zephycloud.ledger.kernel;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * What a user's charges took from the balance in one UTC calendar month, net of the charges given
 * back in that month: the figure a monthly spend limit is checked against. A charge counts in the
 * month it is stamped; a cancellation of a charge counts in the month of the cancellation (as in
 * the usage report) and lowers the spend, never below zero, so giving back an earlier month's
 * charge makes no room beyond this month's own charges. Credits and credit taken back by an admin
 * are not spending. One rule, used by the account (which enforces the limit) and by the users'
 * read model (which shows it).
 */
public record MonthlySpend(YearMonth month, Zephycoins spent) {

    public static final MonthlySpend NONE = new MonthlySpend(YearMonth.of(1970, 1), Zephycoins.ZERO);

    public static YearMonth monthOf(Instant at) {
        return YearMonth.from(at.atZone(ZoneOffset.UTC));
    }

    /** The first instant of {@code month}, UTC. */
    public static Instant startOf(YearMonth month) {
        return month.atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The spend after a charge of {@code amount} stamped at {@code at}. */
    public MonthlySpend charged(Instant at, Zephycoins amount) {
        YearMonth chargedIn = monthOf(at);
        return new MonthlySpend(chargedIn, spentIn(chargedIn).plus(amount));
    }

    /** The spend after {@code amount} of charges was given back at {@code at}. */
    public MonthlySpend refunded(Instant at, Zephycoins amount) {
        YearMonth refundedIn = monthOf(at);
        Zephycoins left = spentIn(refundedIn).minus(amount);
        return new MonthlySpend(refundedIn, left.isNegative() ? Zephycoins.ZERO : left);
    }

    /** What was spent in {@code other}: nothing when this spend is of another month. */
    public Zephycoins spentIn(YearMonth other) {
        return month.equals(other) ? spent : Zephycoins.ZERO;
    }
}
