package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.command.ledger.UserAccount;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.kernel.MonthlySpend;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The spend limit and the low-balance threshold where they are enforced: under concurrent
 * consumptions (group commit), in the account's snapshots, and on a running computation's slices.
 */
class AccountLimitEnforcementTest extends AccountLimitsApplication {

    @Autowired
    private Serializer serializer;

    private long storedEvents(long userId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type = ?", Long.class, "user:" + userId, "com.zephycloud.ledger.kernel.events." + type);
    }

    /**
     * 8 clients consume 2.5 each, 25 times, from a balance of 1000 with a threshold of 800 and a
     * limit of 300: exactly 120 consumptions pass (300), each other one is refused alone with the
     * limit's message, and the threshold is crossed once.
     */
    @Test
    void concurrentConsumptionsCrossTheThresholdOnceAndStopAtTheLimit() throws Exception {
        long userId = newUser(unique("crowd"), "1000");
        admin().post(SET, params("user_id", userId, "monthly_spend_limit", "300", "low_balance_threshold", "800")).ok();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<List<Integer>>> clients = new ArrayList<>();
        for (int client = 0; client < 8; client++) {
            clients.add(pool.submit(() -> {
                List<Integer> statuses = new ArrayList<>();
                for (int i = 0; i < 25; i++) {
                    ApiResult answer = consume(userId, "2.5");
                    statuses.add(answer.status());
                    if (answer.status() != 200) {
                        assertThat(answer.refused(409).get(0)).startsWith("monthly spend limit exceeded");
                    }
                }
                return statuses;
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<List<Integer>> client : clients) {
            statuses.addAll(client.get());
        }
        pool.shutdown();

        assertThat(statuses).filteredOn(status -> status == 200).hasSize(120);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(80);
        JsonNode shown = show(userId);
        assertThat(decimal(shown.get("credit"))).isEqualByComparingTo("700");
        assertThat(decimal(shown.get("month_spend"))).isEqualByComparingTo("300");
        assertThat(storedEvents(userId, "ledger.LowBalanceReached")).isEqualTo(1);
        assertThat(feed(userId, "ledger.LowBalanceReached")).hasSize(1);
        long crossing = jdbc.queryForObject("SELECT id FROM ledger_transactions WHERE user_id = ? AND balance_after"
                + " < 800 ORDER BY user_seq FETCH FIRST 1 ROWS ONLY", Long.class, userId);
        assertThat(feed(userId, "ledger.LowBalanceReached").get(0).get("payload").get("transaction_id").asLong())
                .isEqualTo(crossing);
    }

    /** A snapshot (every 250 events) carries the limits and the month's spend, under revision 2. */
    @Test
    void aSnapshotOfTheAccountKeepsItsLimits() throws InterruptedException {
        long userId = newUser(unique("snapshot"), "1000");
        admin().post(SET, params("user_id", userId, "monthly_spend_limit", "500", "low_balance_threshold", "990")).ok();
        for (int i = 0; i < 260; i++) {
            consume(userId, "0.5").ok();
        }
        eventually(() -> jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                Long.class, "user:" + userId) > 0);
        Map<String, Object> row = jdbc.queryForMap("SELECT payload_type, payload_revision, payload"
                + " FROM snapshot_event_entry WHERE aggregate_identifier = ?", "user:" + userId);
        assertThat(row.get("payload_revision")).isEqualTo("2");
        UserAccount account = serializer.deserialize(new SimpleSerializedObject<>((byte[]) row.get("payload"),
                byte[].class, (String) row.get("payload_type"), "2"));
        assertThat(account.limits().monthlySpendLimit()).isEqualTo(Zephycoins.of("500"));
        assertThat(account.limits().lowBalanceThreshold()).isEqualTo(Zephycoins.of("990"));
        assertThat(account.limits().lowBalance()).isTrue();
        assertThat(account.limits().spend().month()).isEqualTo(MonthlySpend.monthOf(Instant.now()));
        assertThat(account.limits().spend().spent().value()).isPositive();
    }

    @Test
    void aComputationIsStoppedAtTheSliceThatWouldExceedTheLimit() throws InterruptedException {
        String login = unique("runner");
        long userId = newUser(login, "10");
        // fixed price 0.1, then slices of 1 s at 0.001: five slices reach 0.105, the sixth is over it
        admin().post(SET, params("user_id", userId, "monthly_spend_limit", "0.105")).ok();
        ApiClient service = ApiClient.service(port);
        long jobId = service.post("/service/computations/submit/", params("user_id", userId, "project_uid",
                login + "-p", "toolchain_name", "calc", "provider_name", "aws_eu", "machine_name", "fast",
                "nbr_machines", 1)).ok().get("job_id").asLong();
        service.post("/service/computations/launching/", params("job_id", jobId)).ok();
        service.post("/service/computations/start/", params("job_id", jobId)).ok();
        eventually(() -> admin().get("/admin/computations/show/", params("job_id", jobId)).ok()
                .get("status").asText().equals("killed"));

        JsonNode statuses = admin().get("/admin/computations/statuses/", params("job_id", jobId)).ok();
        assertThat(statuses.get(0).get("reason").asText())
                .startsWith("unpaid: slice 5 could not be charged, monthly spend limit exceeded: the limit is 0.105");
        JsonNode charges = admin().get("/admin/transactions/list/", params("job_id", jobId)).ok();
        assertThat(charges).hasSize(6);
        assertThat(decimal(show(userId).get("month_spend"))).isEqualByComparingTo("0.105");
        assertThat(decimal(show(userId).get("credit"))).isEqualByComparingTo("9.895");
        assertThat(service.post("/service/computations/submit/", params("user_id", userId, "project_uid",
                login + "-p", "toolchain_name", "calc", "provider_name", "aws_eu", "machine_name", "fast",
                "nbr_machines", 1)).refused(409).get(0)).startsWith("monthly spend limit exceeded");
    }
}
