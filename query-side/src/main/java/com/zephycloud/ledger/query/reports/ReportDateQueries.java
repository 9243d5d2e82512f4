package com.zephycloud.ledger.query.reports;

import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

public class ReportDateQueries {

    private final JdbcTemplate jdbc;

    public ReportDateQueries(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ReportDate handle(FindReportDate query) {
        List<Long> dates = jdbc.queryForList("SELECT date_us FROM report_date WHERE calendar = ?", Long.class,
                query.calendar());
        return new ReportDate(dates.isEmpty() ? null : Instant.EPOCH.plus(dates.get(0), ChronoUnit.MICROS));
    }
}
