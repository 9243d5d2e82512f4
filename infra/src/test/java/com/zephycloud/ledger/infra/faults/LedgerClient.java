package com.zephycloud.ledger.infra.faults;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Consumptions (60%), credits (20%) and cancellations of an earlier acknowledged consumption
 * (20%) on random users, each with a request id of its own.
 */
final class LedgerClient implements Traffic.Client {

    private final String name;
    private final List<Long> users;
    private final Attempts attempts;
    private final HarnessHttp http;
    private final Acknowledged acknowledged;
    private long count;

    LedgerClient(String name, List<Long> users, Attempts attempts, HarnessHttp http, Acknowledged acknowledged) {
        this.name = name;
        this.users = users;
        this.attempts = attempts;
        this.http = http;
        this.acknowledged = acknowledged;
    }

    @Override
    public void step(Traffic traffic) throws InterruptedException {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long user = users.get(random.nextInt(users.size()));
        String id = name + "-" + count++;
        int kind = random.nextInt(10);
        if (kind < 6) {
            String description = "fault consume " + id;
            Map<String, Object> params = Map.of("user_id", user, "amount", new BigDecimal(random.nextInt(1, 100)).movePointLeft(2),
                    "description", description, "request_id", "consume-" + id);
            if (send("/admin/user/consume/", params)) {
                acknowledged.consumed(user, description);
            }
        } else if (kind < 8) {
            String reason = "fault credit " + id;
            if (send("/admin/user/credit/add/", Map.of("user_id", user, "nbr_coins", random.nextInt(1, 10),
                    "reason", reason, "request_id", "credit-" + id))) {
                acknowledged.add("ledger.CreditAdded", reason);
            }
        } else {
            cancel(user, id, random.nextInt());
        }
    }

    private void cancel(long user, String id, int pick) throws InterruptedException {
        String description = acknowledged.takeCancelable(user, pick);
        if (description == null) {
            return;
        }
        Attempts.Outcome found = attempts.send("/admin/transactions/list/", port -> http.admin(port,
                "/admin/transactions/list/", Map.of("user_id", user, "description", description)));
        if (!found.answer().acknowledged() || found.answer().data().isEmpty()) {
            return; // unanswered, or a read that did not see the write yet: no cancellation sent
        }
        JsonNode transaction = found.answer().data().get(0);
        long transactionId = transaction.get("id").asLong();
        if (send("/admin/transactions/cancel/", Map.of("transaction_ids", List.of(transactionId),
                "reason", "fault cancel " + id, "request_id", "cancel-" + id))) {
            acknowledged.add("ledger.TransactionCanceled", transactionId);
        }
    }

    private boolean send(String path, Map<String, Object> params) throws InterruptedException {
        return attempts.send(path, port -> http.admin(port, path, params)).answer().acknowledged();
    }
}
