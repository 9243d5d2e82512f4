package com.zephycloud.ledger.command.reports;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Set the date of the last generated report; {@code requestedAt} is when the admin asked. */
public record SetReportDate(@TargetAggregateIdentifier String calendar, Instant date, Instant requestedAt) {

    public static SetReportDate of(Instant date, Instant requestedAt) {
        return new SetReportDate(ReportCalendar.LAST_REPORT, date, requestedAt);
    }
}
