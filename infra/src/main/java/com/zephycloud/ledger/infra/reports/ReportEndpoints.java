package com.zephycloud.ledger.infra.reports;

import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.reports.FindUserReport;
import com.zephycloud.ledger.query.reports.ListUserReports;
import com.zephycloud.ledger.query.reports.ReportQueries;
import com.zephycloud.ledger.query.reports.UserReport;
import com.zephycloud.ledger.query.reports.UserReportPage;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Credit consumption reports over the window (from, to]; see docs/reports.md. */
@RestController
@RequestMapping("/admin")
public class ReportEndpoints {

    private final Queries queries;
    private final ReportWindowParams windows;

    public ReportEndpoints(Queries queries, ReportWindowParams windows) {
        this.queries = queries;
        this.windows = windows;
    }

    @RequestMapping(path = "/user/report", method = {GET, POST})
    public ApiResponse userReport(ApiParams params) {
        long userId = params.requiredId("user_id");
        ReportWindowParams.Window window = windows.read(params);
        var order = params.order(ReportQueries.ORDER);
        params.done();
        return ApiResponse.ok(queries.find(new FindUserReport(userId, window.from(), window.to(), order),
                        UserReport.class)
                .orElseThrow(() -> ApiException.notFound("no user with user_id " + userId)));
    }

    /** Every user, by user id; {@code limit} and {@code offset} page through them. */
    @RequestMapping(path = "/reports/users", method = {GET, POST})
    public ApiResponse usersReport(ApiParams params) {
        ReportWindowParams.Window window = windows.read(params);
        var order = params.order(ReportQueries.ORDER);
        var paging = params.paging();
        params.done();
        return ApiResponse.page(queries.ask(new ListUserReports(window.from(), window.to(), order, paging),
                UserReportPage.class));
    }
}
