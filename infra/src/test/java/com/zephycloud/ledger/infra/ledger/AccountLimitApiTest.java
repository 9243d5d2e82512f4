package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.kernel.MonthlySpend;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly spend limits and low-balance events over HTTP: setting and clearing the limits, bad
 * input, a consumption over the limit, cancellations, the events on the feed.
 */
class AccountLimitApiTest extends AccountLimitsApplication {

    @Test
    void limitsAreSetClearedAndShownAsTheDashboardSendsThem() {
        String login = unique("limited");
        long userId = newUser(login, "100");
        JsonNode set = admin().post(SET, params("login", login, "monthly_spend_limit", "50",
                "low_balance_threshold", "10.5")).ok();
        assertThat(set.get("user_id").asLong()).isEqualTo(userId);
        assertThat(decimal(set.get("monthly_spend_limit"))).isEqualByComparingTo("50");
        assertThat(decimal(set.get("low_balance_threshold"))).isEqualByComparingTo("10.5");
        assertThat(set.get("month").asText()).isEqualTo(MonthlySpend.monthOf(Instant.now()).toString());
        assertThat(decimal(set.get("month_spend"))).isZero();
        consume(userId, "12.25").ok();

        JsonNode shown = show(userId);
        assertThat(decimal(shown.get("monthly_spend_limit"))).isEqualByComparingTo("50");
        assertThat(decimal(shown.get("low_balance_threshold"))).isEqualByComparingTo("10.5");
        assertThat(decimal(shown.get("month_spend"))).isEqualByComparingTo("12.25");
        assertThat(shown.get("low_balance").asBoolean()).isFalse();
        JsonNode listed = admin().post("/admin/users/", params("filter", login)).ok().get(0);
        assertThat(decimal(listed.get("month_spend"))).isEqualByComparingTo("12.25");

        JsonNode cleared = admin().get(SET, params("user_id", userId, "monthly_spend_limit", "")).ok();
        assertThat(cleared.get("monthly_spend_limit").isNull()).isTrue();
        assertThat(decimal(cleared.get("low_balance_threshold"))).isEqualByComparingTo("10.5");
        assertThat(decimal(cleared.get("month_spend"))).isEqualByComparingTo("12.25");
        assertThat(show(userId).get("monthly_spend_limit").isNull()).isTrue();
        consume(userId, "80").ok();
        JsonNode changes = feed(userId, "ledger.MonthlySpendLimitChanged");
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).get("payload").get("previous_limit").isNull()).isTrue();
        assertThat(decimal(changes.get(0).get("payload").get("limit"))).isEqualByComparingTo("50");
        assertThat(decimal(changes.get(1).get("payload").get("previous_limit"))).isEqualByComparingTo("50");
        assertThat(changes.get(1).get("payload").get("limit").isNull()).isTrue();
        assertThat(feed(userId, "ledger.LowBalanceThresholdChanged")).hasSize(1);
    }

    @Test
    void badLimitsAreRefusedAndChangeNothing() {
        String login = unique("careful");
        long userId = newUser(login, "100");
        admin().post(SET, params("user_id", String.valueOf(userId), "monthly_spend_limit", "20")).ok();
        JsonNode before = show(userId);
        long eventsBefore = ApiClient.service(port).get("/service/events/list", params("user_id", userId)).ok()
                .get("events").size();

        assertThat(admin().post(SET, params("user_id", userId, "monthly_spend_limit", "-1")).refused(400))
                .containsExactly("monthly_spend_limit: expected zero or more of zephycoins, got -1; an empty value"
                        + " clears it");
        assertThat(admin().post(SET, params("user_id", userId, "monthly_spend_limit", "ten")).refused(400))
                .containsExactly("monthly_spend_limit: expected a number, got 'ten'");
        assertThat(admin().post(SET, params("user_id", userId, "low_balance_threshold", "0")).refused(400))
                .containsExactly("low_balance_threshold: expected a positive number of zephycoins, got 0; an empty"
                        + " value clears it");
        assertThat(admin().post(SET, params("user_id", userId, "low_balance_threshold", "1.123456789"))
                .refused(400)).containsExactly("low_balance_threshold: has more than 8 decimals, zephycoins have 8");
        assertThat(admin().post(SET, params("user_id", userId, "monthly_spend_limit", "5", "low_balance_threshold",
                "-2")).refused(400)).hasSize(1);
        assertThat(admin().post(SET, params("user_id", userId)).refused(400)).containsExactly(
                "give monthly_spend_limit or low_balance_threshold (a number of zephycoins; an empty value clears it)");
        assertThat(admin().postRaw(SET, "application/json", "[]").refused(400))
                .contains("give exactly one of user_id, login or email");
        assertThat(admin().post(SET, params("user_id", userId, "login", login, "monthly_spend_limit", "5"))
                .refused(400)).containsExactly("give exactly one of user_id, login or email");
        assertThat(admin().post(SET, params("login", "nobody" + login, "monthly_spend_limit", "5")).refused(404))
                .containsExactly("no user with login 'nobody" + login + "'");
        assertThat(admin().post(SET, params("user_id", 999_999_999, "monthly_spend_limit", "5")).refused(404))
                .hasSize(1);
        assertThat(admin().post(SET, params("user_id", userId, "monthly_spend_limit", "5", "limit", "1"))
                .refused(400)).hasSize(1);

        assertThat(show(userId)).isEqualTo(before);
        assertThat(ApiClient.service(port).get("/service/events/list", params("user_id", userId)).ok()
                .get("events").size()).isEqualTo(eventsBefore);
    }

    /** The worked example of docs/ledger.md, "Spend limits and low balance". */
    @Test
    void aConsumptionOverTheMonthsLimitIsRefusedAndACanceledOneIsNotSpent() {
        long userId = newUser(unique("budget"), "100");
        admin().post(SET, params("user_id", userId, "monthly_spend_limit", "10", "low_balance_threshold", "95")).ok();
        consume(userId, "6").ok();
        long t1 = lastTransaction(userId);
        String month = MonthlySpend.monthOf(Instant.now()).toString();
        assertThat(consume(userId, "4.00000001").refused(409)).containsExactly("monthly spend limit exceeded: the limit"
                + " is 10 zephycoins per UTC calendar month, 6 were spent in " + month + ", 4.00000001 were asked;"
                + " raise or clear the limit with admin/user/limits/set (monthly_spend_limit), or wait until "
                + MonthlySpend.startOf(MonthlySpend.monthOf(Instant.now()).plusMonths(1)));
        assertShown(userId, "94", "6");

        admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(String.valueOf(t1)),
                "reason", "billing error")).ok();
        long t2 = lastTransaction(userId);
        assertShown(userId, "100", "0");
        consume(userId, "10").ok();
        long t3 = lastTransaction(userId);
        assertThat(consume(userId, "0.00000001").refused(409)).hasSize(1);
        assertShown(userId, "90", "10");
        admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "-5", "reason", "taken back"))
                .ok();
        assertShown(userId, "85", "10");
        admin().post(SET, params("user_id", userId, "monthly_spend_limit", "10.5")).ok();
        consume(userId, "0.5").ok();
        assertShown(userId, "84.5", "10.5");
        assertThat(show(userId).get("low_balance").asBoolean()).isTrue();

        assertThat(feed(userId, "ledger.LowBalanceReached")).extracting(e -> e.get("payload"))
                .extracting(p -> p.get("balance").decimalValue().stripTrailingZeros().toPlainString() + "@"
                        + p.get("transaction_id").asLong())
                .containsExactly("94@" + t1, "90@" + t3);
        assertThat(feed(userId, "ledger.BalanceRestored")).extracting(e -> e.get("payload"))
                .extracting(p -> p.get("balance").decimalValue().stripTrailingZeros().toPlainString() + "@"
                        + p.get("transaction_id").asLong())
                .containsExactly("100@" + t2);
    }

    private long lastTransaction(long userId) {
        return admin().get("/admin/user/balance_history/", params("user_id", userId)).ok()
                .findValues("transaction_id").stream().mapToLong(JsonNode::asLong).reduce((a, b) -> b).orElseThrow();
    }

    private void assertShown(long userId, String credit, String monthSpend) {
        JsonNode shown = show(userId);
        assertThat(decimal(shown.get("credit"))).as("credit").isEqualByComparingTo(credit);
        assertThat(decimal(shown.get("month_spend"))).as("month_spend").isEqualByComparingTo(monthSpend);
    }

    @Test
    void crossingTheThresholdIsPublishedOnceEachWay() {
        long userId = newUser(unique("watched"), "20");
        admin().post(SET, params("user_id", userId, "low_balance_threshold", "10")).ok();
        consume(userId, "5").ok();
        consume(userId, "6").ok();
        consume(userId, "1").ok();
        assertThat(show(userId).get("low_balance").asBoolean()).isTrue();
        admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "1", "reason", "top up")).ok();
        admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "3", "reason", "top up")).ok();
        admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "3", "reason", "top up")).ok();
        assertThat(show(userId).get("low_balance").asBoolean()).isFalse();

        JsonNode reached = feed(userId, "ledger.LowBalanceReached");
        assertThat(reached).hasSize(1);
        assertThat(reached.get(0).get("version").asText()).isEqualTo("1");
        assertThat(decimal(reached.get(0).get("payload").get("threshold"))).isEqualByComparingTo("10");
        assertThat(decimal(reached.get(0).get("payload").get("balance"))).isEqualByComparingTo("9");
        JsonNode restored = feed(userId, "ledger.BalanceRestored");
        assertThat(restored).hasSize(1);
        assertThat(decimal(restored.get(0).get("payload").get("balance"))).isEqualByComparingTo("12");
        assertThat(restored.get(0).get("position").asLong()).isGreaterThan(reached.get(0).get("position").asLong());
    }
}
