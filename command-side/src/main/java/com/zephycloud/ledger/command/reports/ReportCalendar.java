package com.zephycloud.ledger.command.reports;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.zephycloud.ledger.kernel.events.reports.ReportDateSet;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * The date of the last generated report. One instance exists ({@link #LAST_REPORT}), created by
 * its first date. A report date in the future would make the next default window run backwards,
 * so it is refused.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class ReportCalendar {

    public static final String LAST_REPORT = "report-calendar:last";

    @AggregateIdentifier
    private String calendar;
    private Instant date;

    protected ReportCalendar() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(SetReportDate command) {
        if (command.date().isAfter(command.requestedAt())) {
            throw new IllegalArgumentException("date: " + command.date().getEpochSecond()
                    + " is in the future; a report date is at or before now (" + command.requestedAt().getEpochSecond() + ")");
        }
        if (command.date().equals(date)) {
            return;
        }
        apply(new ReportDateSet(command.calendar(), command.date()));
    }

    @EventSourcingHandler
    void on(ReportDateSet event) {
        calendar = event.calendar();
        date = event.date();
    }
}
