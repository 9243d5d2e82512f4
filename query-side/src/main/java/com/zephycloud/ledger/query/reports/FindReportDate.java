package com.zephycloud.ledger.query.reports;

/** The date of the last generated report of {@code calendar}. */
public record FindReportDate(String calendar) {
}
