package com.zephycloud.ledger.query.reports;

import java.time.Instant;

/** {@code date} is null when no report date was ever set. */
public record ReportDate(Instant date) {
}
