package com.zephycloud.ledger.infra.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Each user's balance in the read model ({@code user/show}) equals the sum of their transactions
 * ({@code transactions/list}, every page) and the replay of their events from the event store
 * ({@code audit/replay_balance}), which must also find the balance history consistent.
 */
final class BalanceCheck {

    private static final int PAGE = 1000;

    private final HarnessHttp http;

    BalanceCheck(HarnessHttp http) {
        this.http = http;
    }

    void check(int port, List<Long> users, CheckResult result) {
        for (long user : users) {
            HttpAnswer shown = http.admin(port, "/admin/user/show/", Map.of("user_id", user));
            HttpAnswer replayed = http.admin(port, "/admin/audit/replay_balance/", Map.of("user_id", user));
            if (!shown.acknowledged() || !replayed.acknowledged()) {
                result.mismatch("user " + user + ": user/show " + shown + ", audit/replay_balance " + replayed);
                continue;
            }
            BigDecimal credit = new BigDecimal(shown.data().get("credit").asText());
            BigDecimal replay = new BigDecimal(replayed.data().get("balance").asText());
            BigDecimal sum = transactionsSum(port, user, result);
            if (!"consistent".equals(replayed.data().get("result").asText())) {
                result.mismatch("user " + user + ": replay " + replayed.data());
            }
            if (sum == null || credit.compareTo(sum) != 0 || credit.compareTo(replay) != 0) {
                result.mismatch("user " + user + ": balance " + credit + ", sum of transactions " + sum
                        + ", replay " + replay);
            }
        }
    }

    private BigDecimal transactionsSum(int port, long user, CheckResult result) {
        BigDecimal sum = BigDecimal.ZERO;
        long seen = 0;
        while (true) {
            HttpAnswer page = http.admin(port, "/admin/transactions/list/", Map.of("user_id", user, "limit", PAGE,
                    "offset", seen, "order", "id ASC"));
            if (!page.acknowledged()) {
                result.mismatch("user " + user + ": transactions/list " + page);
                return null;
            }
            for (JsonNode transaction : page.data()) {
                sum = sum.add(new BigDecimal(transaction.get("amount").asText()));
            }
            seen += page.data().size();
            if (page.data().size() < PAGE || seen >= page.body().get("total").asLong()) {
                return sum;
            }
        }
    }
}
