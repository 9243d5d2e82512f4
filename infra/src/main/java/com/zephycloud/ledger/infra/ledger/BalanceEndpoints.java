package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.ledger.BalanceAt;
import com.zephycloud.ledger.query.ledger.BalanceHistoryPage;
import com.zephycloud.ledger.query.ledger.FindBalanceAt;
import com.zephycloud.ledger.query.ledger.FindUser;
import com.zephycloud.ledger.query.ledger.ListBalanceHistory;
import com.zephycloud.ledger.query.ledger.UserView;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * For auditors (not in the reference): a user's balance at any date, and the transactions with
 * the balance after each. A date T counts every transaction stamped at or before T.
 */
@RestController
@RequestMapping("/admin")
public class BalanceEndpoints {

    private final Queries queries;
    private final Clock clock;

    public BalanceEndpoints(Queries queries, Clock clock) {
        this.queries = queries;
        this.clock = clock;
    }

    @RequestMapping(path = "/user/balance", method = {GET, POST})
    public ApiResponse balance(ApiParams params) {
        long userId = params.requiredId("user_id");
        Instant date = params.optionalEpochSeconds("date");
        params.done();
        requireUser(userId);
        return ApiResponse.ok(queries.ask(new FindBalanceAt(userId, date == null ? clock.instant() : date),
                BalanceAt.class));
    }

    @RequestMapping(path = "/user/balance_history", method = {GET, POST})
    public ApiResponse balanceHistory(ApiParams params) {
        long userId = params.requiredId("user_id");
        Instant from = params.optionalEpochSeconds("from");
        Instant to = params.optionalEpochSeconds("to");
        var paging = params.paging();
        if (from != null && to != null && from.isAfter(to)) {
            params.reject("from: must not be after to");
        }
        params.done();
        requireUser(userId);
        return ApiResponse.page(queries.ask(new ListBalanceHistory(userId, from, to, paging), BalanceHistoryPage.class));
    }

    private void requireUser(long userId) {
        queries.find(new FindUser(userId, null, null, true), UserView.class)
                .orElseThrow(() -> ApiException.notFound("no user with user_id " + userId));
    }
}
