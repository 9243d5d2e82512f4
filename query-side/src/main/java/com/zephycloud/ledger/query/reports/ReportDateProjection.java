package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.events.reports.ReportDateSet;
import com.zephycloud.ledger.query.common.ReadModelTables;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.springframework.jdbc.core.JdbcTemplate;

/** The {@code report_date} table: the date of the last generated report. */
@ProcessingGroup(ReportDateProjection.PROCESSING_GROUP)
public class ReportDateProjection {

    public static final String PROCESSING_GROUP = "report-date";

    private final JdbcTemplate jdbc;

    public ReportDateProjection(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventHandler
    void on(ReportDateSet event) {
        long us = Micros.of(event.date());
        if (jdbc.update("UPDATE report_date SET date_us = ? WHERE calendar = ?", us, event.calendar()) == 0) {
            jdbc.update("INSERT INTO report_date (calendar, date_us) VALUES (?, ?)", event.calendar(), us);
        }
    }

    @ResetHandler
    void reset() {
        ReadModelTables.empty(jdbc, "report_date");
    }
}
