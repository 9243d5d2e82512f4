package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.command.ledger.AccountLimits;
import com.zephycloud.ledger.command.ledger.LimitSetting;
import com.zephycloud.ledger.command.ledger.SetAccountLimits;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/**
 * Admin API: a user's monthly spend limit and low-balance threshold (docs/ledger.md, "Spend limits
 * and low balance"). The user is named as {@code user/show} names it. A limit not given is left as
 * it is; an empty value clears it.
 */
@RestController
@RequestMapping("/admin")
public class AccountLimitEndpoints {

    static final String MONTHLY_SPEND_LIMIT = "monthly_spend_limit";
    static final String LOW_BALANCE_THRESHOLD = "low_balance_threshold";

    private final Commands commands;
    private final JdbcUserIdentities identities;
    private final Clock clock;

    public AccountLimitEndpoints(Commands commands, JdbcUserIdentities identities, Clock clock) {
        this.commands = commands;
        this.identities = identities;
        this.clock = clock;
    }

    @RequestMapping(path = "/user/limits/set", method = {GET, POST})
    public ApiResponse set(ApiParams params) {
        Long userId = params.optionalId("user_id");
        String login = params.optionalText("login");
        String email = params.optionalText("email");
        if ((userId != null ? 1 : 0) + (login != null ? 1 : 0) + (email != null ? 1 : 0) != 1) {
            params.reject("give exactly one of user_id, login or email");
        }
        LimitSetting limit = setting(params, MONTHLY_SPEND_LIMIT, false);
        LimitSetting threshold = setting(params, LOW_BALANCE_THRESHOLD, true);
        if (limit.unchanged() && threshold.unchanged()
                && !params.has(MONTHLY_SPEND_LIMIT) && !params.has(LOW_BALANCE_THRESHOLD)) {
            params.reject("give " + MONTHLY_SPEND_LIMIT + " or " + LOW_BALANCE_THRESHOLD
                    + " (a number of zephycoins; an empty value clears it)");
        }
        params.done();
        UserId user = userId != null ? UserId.of(userId)
                : (login != null ? identities.userIdByLogin(login) : identities.userIdByEmail(email))
                .orElseThrow(() -> ApiException.notFound("no user with "
                        + (login != null ? "login '" + login + "'" : "email '" + email + "'")));
        AccountLimits limits = commands.send(new SetAccountLimits(user, limit, threshold));
        return ApiResponse.ok(AccountLimitsAnswer.of(user.value(), limits, clock.instant()));
    }

    /** Empty: clear; absent: unchanged; else an amount, zero or more (a threshold: more than zero). */
    private static LimitSetting setting(ApiParams params, String name, boolean positive) {
        if (params.givenEmpty(name)) {
            return LimitSetting.CLEARED;
        }
        Zephycoins value = params.optionalCoins(name);
        if (value == null) {
            return LimitSetting.UNCHANGED;
        }
        if (value.isNegative() || (positive && !value.isPositive())) {
            params.reject(name + ": expected " + (positive ? "a positive number" : "zero or more")
                    + " of zephycoins, got " + value + "; an empty value clears it");
            return LimitSetting.UNCHANGED;
        }
        return LimitSetting.to(value);
    }
}
