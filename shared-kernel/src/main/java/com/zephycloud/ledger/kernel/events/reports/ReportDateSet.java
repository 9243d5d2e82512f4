package com.zephycloud.ledger.kernel.events.reports;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * The date of the last generated report was set to {@code date}: the default start of the next
 * reports. {@code calendar} is the aggregate identifier ("report-calendar:last").
 */
@Revision("1")
public record ReportDateSet(String calendar, Instant date) {
}
