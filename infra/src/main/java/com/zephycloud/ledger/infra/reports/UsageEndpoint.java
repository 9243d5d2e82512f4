package com.zephycloud.ledger.infra.reports;

import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.ledger.FindUser;
import com.zephycloud.ledger.query.ledger.UserView;
import com.zephycloud.ledger.query.reports.ListUsage;
import com.zephycloud.ledger.query.reports.Usage;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Usage per user, project and UTC month over the window (from, to]; see docs/usage.md. */
@RestController
@RequestMapping("/admin")
public class UsageEndpoint {

    private final Queries queries;
    private final ReportWindowParams windows;

    public UsageEndpoint(Queries queries, ReportWindowParams windows) {
        this.queries = queries;
        this.windows = windows;
    }

    @RequestMapping(path = "/reports/usage", method = {GET, POST})
    public ApiResponse usage(ApiParams params) {
        ReportWindowParams.Window window = windows.read(params);
        Long userId = params.optionalId("user_id");
        params.done();
        if (userId != null && queries.find(new FindUser(userId, null, null, true), UserView.class).isEmpty()) {
            throw ApiException.notFound("no user with user_id " + userId);
        }
        Usage usage = queries.ask(new ListUsage(window.from(), window.to(), userId), Usage.class);
        return ApiResponse.ok(usage);
    }
}
