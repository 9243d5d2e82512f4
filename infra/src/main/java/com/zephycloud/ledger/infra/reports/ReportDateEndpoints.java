package com.zephycloud.ledger.infra.reports;

import com.zephycloud.ledger.command.reports.ReportCalendar;
import com.zephycloud.ledger.command.reports.SetReportDate;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.reports.FindReportDate;
import com.zephycloud.ledger.query.reports.ReportDate;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** The date of the last generated report: the default {@code from} of the next reports. */
@RestController
@RequestMapping("/admin")
public class ReportDateEndpoints {

    private final Commands commands;
    private final Queries queries;
    private final Clock clock;

    public ReportDateEndpoints(Commands commands, Queries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @RequestMapping(path = "/report/get_date", method = {GET, POST})
    public ApiResponse getDate(ApiParams params) {
        params.done();
        Instant date = queries.ask(new FindReportDate(ReportCalendar.LAST_REPORT), ReportDate.class).date();
        return ApiResponse.ok(date == null ? null : date.getEpochSecond());
    }

    @RequestMapping(path = "/report/set_date", method = {GET, POST})
    public ApiResponse setDate(ApiParams params) {
        Instant date = params.optionalEpochSeconds("date");
        if (date == null && !params.has("date")) {
            params.reject("date: is required, expected a UTC timestamp in seconds");
        }
        params.done();
        commands.send(SetReportDate.of(date, clock.instant()));
        return ApiResponse.ok();
    }
}
