package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/** 8 clients consume from one account at once; not a cent may be lost or counted twice. */
class ConcurrentConsumptionTest extends ApiTest {

    private static final int CLIENTS = 8;
    private static final int CONSUMPTIONS_PER_CLIENT = 500;

    @Test
    void concurrentConsumptionsOnOneAccountAddUpExactly() throws Exception {
        long userId = newUser(unique("busy"), "100000");
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<BigDecimal>> clients = new ArrayList<>();
        for (int client = 0; client < CLIENTS; client++) {
            long seed = client;
            clients.add(pool.submit(() -> {
                Random random = new Random(seed);
                BigDecimal spent = BigDecimal.ZERO;
                for (int i = 0; i < CONSUMPTIONS_PER_CLIENT; i++) {
                    BigDecimal amount = BigDecimal.valueOf(1 + random.nextInt(1_000_000_000), 8);
                    admin().post("/admin/user/consume/", params("user_id", userId, "amount", amount.toPlainString(),
                            "description", "concurrent")).ok();
                    spent = spent.add(amount);
                }
                return spent;
            }));
        }
        BigDecimal spent = BigDecimal.ZERO;
        for (Future<BigDecimal> client : clients) {
            spent = spent.add(client.get());
        }
        pool.shutdown();

        BigDecimal balance = decimal(admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit"));
        assertThat(balance).isEqualByComparingTo(new BigDecimal("100000").subtract(spent));

        var list = admin().get("/admin/transactions/list/", params("user_id", userId));
        JsonNode transactions = list.ok();
        assertThat(list.total()).isEqualTo(CLIENTS * CONSUMPTIONS_PER_CLIENT + 1);
        Set<Long> ids = new HashSet<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode transaction : transactions) {
            assertThat(ids.add(transaction.get("id").asLong())).as("transaction id seen twice").isTrue();
            sum = sum.add(decimal(transaction.get("amount")));
        }
        assertThat(sum).isEqualByComparingTo(balance);

        JsonNode history = admin().get("/admin/user/balance_history/", params("user_id", userId)).ok();
        BigDecimal running = BigDecimal.ZERO;
        for (JsonNode entry : history) {
            running = running.add(decimal(entry.get("amount")));
            assertThat(decimal(entry.get("balance"))).isEqualByComparingTo(running);
        }
    }
}
