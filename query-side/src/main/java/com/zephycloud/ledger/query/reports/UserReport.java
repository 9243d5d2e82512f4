package com.zephycloud.ledger.query.reports;

import java.math.BigDecimal;
import java.util.List;

/**
 * A user's report over the window (from, to]: {@code currentBalance = previousBalance + Σ
 * details.amount}, exactly.
 */
public record UserReport(long userId,
                         String login,
                         String email,
                         BigDecimal currentBalance,
                         BigDecimal previousBalance,
                         List<ReportDetail> details) {

    public UserReport {
        details = List.copyOf(details);
    }
}
