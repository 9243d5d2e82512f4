package com.zephycloud.ledger.infra.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.computations.CatalogTestDouble;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.kernel.MonthlySpend;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Monthly spend limits and low-balance events over HTTP (docs/ledger.md, "Spend limits and low
 * balance"). A database of its own with the catalog's test double, so that a computation's slices
 * are billed by this application's workers alone.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CatalogTestDouble.class)
class AccountLimitApiTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String DATABASE = "limits_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String SET = "/admin/user/limits/set/";

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
        registry.add("zephy.admin.password", () -> TestDatabase.ADMIN_PASSWORD);
        registry.add("zephy.service.password", () -> TestDatabase.SERVICE_PASSWORD);
    }

    private ApiClient admin() {
        return ApiClient.admin(port);
    }

    private static String unique(String prefix) {
        StringBuilder suffix = new StringBuilder();
        for (long value = System.nanoTime() % 1_000_000_000L * 100 + COUNTER.incrementAndGet(); value > 0; value /= 26) {
            suffix.append((char) ('a' + value % 26));
        }
        return prefix + suffix;
    }

    private long newUser(String login, String coins) {
        return admin().post("/admin/user/new/", params("login", login, "email", login + "@example.com",
                "pwd", "secret-password", "rank", "gold", "nbr_coins", coins)).ok().asLong();
    }

    private JsonNode show(long userId) {
        return admin().post("/admin/user/show/", params("user_id", String.valueOf(userId))).ok();
    }

    private ApiResult consume(long userId, String amount) {
        return admin().post("/admin/user/consume/", params("user_id", String.valueOf(userId), "amount", amount,
                "description", "render"));
    }

    private JsonNode feed(long userId, String type) {
        return ApiClient.service(port).get("/service/events/list", params("user_id", userId, "type", type))
                .ok().get("events");
    }

    private long storedEvents(long userId, String type) {
        return jdbc.queryForObject("SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " AND payload_type = ?", Long.class, "user:" + userId, "com.zephycloud.ledger.kernel.events." + type);
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 20_000;
        while (!condition.get()) {
            assertThat(System.currentTimeMillis()).as("condition not reached in time").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

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

    @Test
    void aConsumptionOverTheMonthsLimitIsRefusedAndACanceledOneIsNotSpent() {
        long userId = newUser(unique("budget"), "100");
        admin().post(SET, params("user_id", userId, "monthly_spend_limit", "10")).ok();
        consume(userId, "6").ok();
        String month = MonthlySpend.monthOf(Instant.now()).toString();
        assertThat(consume(userId, "4.00000001").refused(409)).containsExactly("monthly spend limit exceeded: the limit"
                + " is 10 zephycoins per UTC calendar month, 6 were spent in " + month + ", 4.00000001 were asked;"
                + " raise or clear the limit with admin/user/limits/set (monthly_spend_limit), or wait until "
                + MonthlySpend.startOf(MonthlySpend.monthOf(Instant.now()).plusMonths(1)));
        assertThat(decimal(show(userId).get("credit"))).isEqualByComparingTo("94");
        assertThat(decimal(show(userId).get("month_spend"))).isEqualByComparingTo("6");

        long charge = admin().get("/admin/transactions/list/", params("user_id", userId, "order", "id DESC")).ok()
                .get(0).get("id").asLong();
        admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(String.valueOf(charge)),
                "reason", "billing error")).ok();
        assertThat(decimal(show(userId).get("month_spend"))).isZero();
        consume(userId, "10").ok();
        assertThat(consume(userId, "0.00000001").refused(409)).hasSize(1);
        JsonNode shown = show(userId);
        assertThat(decimal(shown.get("month_spend"))).isEqualByComparingTo("10");
        assertThat(decimal(shown.get("credit"))).isEqualByComparingTo("90");
        admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "-5", "reason", "taken back"))
                .ok();
        admin().post(SET, params("user_id", userId, "monthly_spend_limit", "10.5")).ok();
        consume(userId, "0.5").ok();
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
