package com.zephycloud.ledger.infra.computations;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiResult;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The scheduler's API and the admin computations endpoints, over HTTP, with the catalog's test
 * double. Unlike the other HTTP tests this application has a database of its own: the shared test
 * application also runs billing workers and projections, and two servers on one database (their
 * projection segments split between them) are the business of {@link SliceBillingScenarioTest}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CatalogTestDouble.class)
class ComputationApiTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    /** A name of its own per test JVM: test runs of other checkouts may share the PostgreSQL database. */
    private static final String DATABASE = "computations_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

    @LocalServerPort
    private int port;
    @Autowired
    private JdbcTemplate jdbc;

    @DynamicPropertySource
    static void ownDatabase(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> TestDatabase.url(DATABASE));
        TestDatabase.smallPool(registry);
        registry.add("zephy.admin.password", () -> TestDatabase.ADMIN_PASSWORD);
        registry.add("zephy.service.password", () -> TestDatabase.SERVICE_PASSWORD);
    }

    private ApiClient admin() {
        return ApiClient.admin(port);
    }

    private ApiClient service() {
        return ApiClient.service(port);
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

    private long submit(long userId, String project, int machines) {
        return service().post("/service/computations/submit/", params("user_id", userId, "project_uid", project,
                "toolchain_name", "calc", "provider_name", "aws_eu", "machine_name", "c5", "nbr_machines", machines))
                .ok().get("job_id").asLong();
    }

    private JsonNode transactionsOf(long jobId) {
        return admin().get("/admin/transactions/list/", params("job_id", jobId, "order", "id ASC")).ok();
    }

    private JsonNode show(long jobId) {
        return admin().get("/admin/computations/show/", params("job_id", jobId)).ok();
    }

    private List<String> statuses(long jobId) {
        List<String> statuses = new ArrayList<>();
        admin().get("/admin/computations/statuses/", params("job_id", jobId)).ok()
                .forEach(entry -> statuses.add(entry.get("status").asText()));
        return statuses;
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 15_000;
        while (!condition.get()) {
            assertThat(System.currentTimeMillis()).as("condition not reached in time").isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    @Test
    void submissionChargesTheFixedPriceAndShowKeepsTheTermsOfTheSubmission() {
        String login = unique("submitter");
        long userId = newUser(login, "10");
        long jobId = submit(userId, login + "-project", 2);

        JsonNode job = show(jobId);
        assertThat(job.get("job_id").asLong()).isEqualTo(jobId);
        assertThat(job.get("user_id").asLong()).isEqualTo(userId);
        assertThat(job.get("login").asText()).isEqualTo(login);
        assertThat(job.get("email").asText()).isEqualTo(login + "@example.com");
        assertThat(job.get("project_uid").asText()).isEqualTo(login + "-project");
        assertThat(job.get("status").asText()).isEqualTo("pending");
        assertThat(job.get("create_date").asLong()).isPositive();
        assertThat(job.get("start_time").isNull()).isTrue();
        assertThat(job.get("end_time").isNull()).isTrue();
        assertThat(decimal(job.get("progress"))).isZero();
        assertThat(job.get("has_logs").asBoolean()).isFalse();
        assertThat(job.get("provider").asText()).isEqualTo("aws_eu");
        assertThat(job.get("machine").asText()).isEqualTo("c5");
        assertThat(job.get("nbr_machines").asInt()).isEqualTo(2);
        assertThat(job.get("user_rank").asText()).isEqualTo("gold");
        assertThat(job.get("toolchain_name").asText()).isEqualTo("calc");
        assertThat(job.get("toolchain_id").asLong()).isEqualTo(143);
        assertThat(decimal(job.get("fixed_price"))).isEqualByComparingTo("0.1");
        assertThat(decimal(job.get("price_per_sec_per_machine"))).isEqualByComparingTo("0.00033333");
        assertThat(decimal(job.get("price_per_hour_per_machine"))).isEqualByComparingTo("1.2");
        assertThat(job.get("price_min_sec_granularity").asInt()).isEqualTo(300);
        assertThat(job.get("price_sec_granularity").asInt()).isEqualTo(500);
        assertThat(decimal(job.get("cost_per_sec_per_machine"))).isEqualByComparingTo("0.00013889");
        assertThat(job.get("cost_currency").asText()).isEqualTo("USD");
        assertThat(job.get("cost_min_sec_granularity").asInt()).isEqualTo(60);
        assertThat(job.get("cost_sec_granularity").asInt()).isEqualTo(1);

        JsonNode charges = transactionsOf(jobId);
        assertThat(charges).hasSize(1);
        assertThat(decimal(charges.get(0).get("amount"))).isEqualByComparingTo("-0.1");
        assertThat(charges.get(0).get("description").asText()).isEqualTo("fixed price of toolchain calc (job " + jobId + ")");
        assertThat(charges.get(0).get("project_uid").asText()).isEqualTo(login + "-project");
        assertThat(decimal(admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit")))
                .isEqualByComparingTo("9.9");
    }

    @Test
    void theSchedulerDrivesAJobToTheEndAndTheFirstSliceIsChargedAtItsStart() throws InterruptedException {
        String login = unique("runner");
        long userId = newUser(login, "10");
        long jobId = submit(userId, login + "-p", 2);

        service().post("/service/computations/launching/", params("job_id", jobId)).ok();
        service().post("/service/computations/start/", params("job_id", jobId)).ok();
        service().post("/service/computations/progress/", params("job_id", jobId, "progress", 0.42)).ok();
        service().post("/service/computations/logs/", params("job_id", jobId, "lines", "Running task\n")).ok();
        service().post("/service/computations/logs/", params("job_id", jobId, "lines", "Task finished\n")).ok();
        assertThat(decimal(show(jobId).get("progress"))).isEqualByComparingTo("0.42");
        eventually(() -> transactionsOf(jobId).size() == 2);
        service().post("/service/computations/finish/", params("job_id", jobId)).ok();

        JsonNode slice = transactionsOf(jobId).get(1);
        assertThat(decimal(slice.get("amount"))).isEqualByComparingTo("-0.2");
        assertThat(slice.get("computing_end").asLong() - slice.get("computing_start").asLong()).isEqualTo(300);
        assertThat(slice.get("computing_start").asLong()).isEqualTo(show(jobId).get("start_time").asLong());
        JsonNode job = show(jobId);
        assertThat(job.get("status").asText()).isEqualTo("finished");
        assertThat(decimal(job.get("progress"))).isEqualByComparingTo("1");
        assertThat(job.get("has_logs").asBoolean()).isTrue();
        assertThat(job.get("end_time").asLong()).isGreaterThanOrEqualTo(job.get("start_time").asLong());
        assertThat(admin().post("/admin/computations/show_logs/", params("job_id", jobId)).ok().asText())
                .isEqualTo("Running task\nTask finished\n");
        assertThat(statuses(jobId)).containsExactly("finished", "running", "launching", "pending");
    }

    @Test
    void listFiltersByUserProjectAndStatusWithTotal() {
        String login = unique("lister");
        long userId = newUser(login, "10");
        long first = submit(userId, login + "-a", 1);
        long second = submit(userId, login + "-b", 1);
        service().post("/service/computations/cancel/", params("job_id", second, "reason", "user changed mind")).ok();

        ApiResult all = admin().get("/admin/computations/list/", params("user_id", userId, "order", "job_id DESC"));
        assertThat(all.ok()).extracting(node -> node.get("job_id").asLong()).containsExactly(second, first);
        assertThat(all.total()).isEqualTo(2);
        assertThat(all.data().get(0).get("login").asText()).isEqualTo(login);
        ApiResult pending = admin().get("/admin/computations/list/", params("user_id", userId, "status", "pending"));
        assertThat(pending.ok()).extracting(node -> node.get("job_id").asLong()).containsExactly(first);
        ApiResult byProject = admin().get("/admin/computations/list/", params("project_uid", login + "-b"));
        assertThat(byProject.ok()).extracting(node -> node.get("status").asText()).containsExactly("canceled");
        ApiResult paged = admin().get("/admin/computations/list/", params("user_id", userId, "limit", 1, "offset", 1,
                "order", "job_id ASC"));
        assertThat(paged.ok()).extracting(node -> node.get("job_id").asLong()).containsExactly(second);
        assertThat(paged.total()).isEqualTo(2);
        JsonNode history = admin().get("/admin/computations/statuses/", params("job_id", second)).ok();
        assertThat(history.get(0).get("status").asText()).isEqualTo("canceled");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("user changed mind");

        admin().get("/admin/computations/list/", params("status", "sleeping")).refused(400);
        admin().get("/admin/computations/list/", params("order", "password DESC")).refused(400);
    }

    @Test
    void anAdminKillsARunningJobAndItIsNotChargedAnyMore() throws InterruptedException {
        String login = unique("killed");
        long userId = newUser(login, "10");
        long jobId = submit(userId, login + "-p", 1);
        service().post("/service/computations/start/", params("job_id", jobId)).ok();
        admin().post("/admin/computations/disable_shutdown/", params("job_id", jobId)).ok();
        assertThat(show(jobId).get("shutdown_disabled").asBoolean()).isTrue();
        eventually(() -> transactionsOf(jobId).size() == 2);

        admin().post("/admin/computations/kill/", params("job_id", jobId, "reason", "runaway")).ok();

        JsonNode history = admin().get("/admin/computations/statuses/", params("job_id", jobId)).ok();
        assertThat(history.get(0).get("status").asText()).isEqualTo("killed");
        assertThat(history.get(0).get("reason").asText()).isEqualTo("killed by an admin: runaway");
        assertThat(show(jobId).get("end_time").isNull()).isFalse();
        assertThat(admin().post("/admin/computations/kill/", params("job_id", jobId)).refused(409).get(0))
                .contains("is killed: cannot kill it");
        admin().post("/admin/computations/disable_shutdown/", params("job_id", jobId)).refused(409);
        service().post("/service/computations/finish/", params("job_id", jobId)).refused(409);
        assertThat(statuses(jobId)).containsExactly("killed", "running", "pending");
        assertThat(transactionsOf(jobId)).hasSize(2);
    }

    /**
     * A billing worker holds a job's schedule row from its claim until its batch commits, and waits
     * for the job meanwhile. Ending the job must not wait for that row, or each waits for the other.
     */
    @Test
    void aJobEndsWhileABillingWorkerHoldsItsScheduleRow() throws Exception {
        String login = unique("held");
        long jobId = submit(newUser(login, "10"), login + "-p", 1);
        service().post("/service/computations/start/", params("job_id", jobId)).ok();
        eventually(() -> transactionsOf(jobId).size() == 2);
        ExecutorService killer = Executors.newSingleThreadExecutor();
        try (Connection worker = jdbc.getDataSource().getConnection()) {
            worker.setAutoCommit(false);
            try (PreparedStatement claim = worker.prepareStatement(
                    "SELECT next_slice FROM billing_schedule WHERE job_id = ? FOR UPDATE")) {
                claim.setLong(1, jobId);
                assertThat(claim.executeQuery().next()).isTrue();
            }
            Future<ApiResult> kill = killer.submit(() ->
                    admin().post("/admin/computations/kill/", params("job_id", jobId, "reason", "held")));
            kill.get(20, TimeUnit.SECONDS).ok();
            worker.rollback();
        } finally {
            killer.shutdownNow();
        }
        assertThat(statuses(jobId)).containsExactly("killed", "running", "pending");
        // the row the worker held is still there; the next worker to claim it removes it
        assertThat(jdbc.update("UPDATE billing_schedule SET due_us = 0 WHERE job_id = ?", jobId)).isEqualTo(1);
        eventually(() -> jdbc.queryForObject("SELECT count(*) FROM billing_schedule WHERE job_id = ?", Integer.class,
                jobId) == 0);
        assertThat(transactionsOf(jobId)).hasSize(2);
    }

    @Test
    void transitionsNotAllowedFromTheCurrentStatusAreRefusedAndChangeNothing() {
        String login = unique("transit");
        long userId = newUser(login, "10");
        long jobId = submit(userId, login + "-p", 1);

        assertThat(service().post("/service/computations/finish/", params("job_id", jobId)).refused(409).get(0))
                .isEqualTo("job " + jobId + " is pending: cannot finish it (allowed when running)");
        service().post("/service/computations/progress/", params("job_id", jobId, "progress", 0.5)).refused(409);
        service().post("/service/computations/start/", params("job_id", jobId)).ok();
        assertThat(service().post("/service/computations/progress/", params("job_id", jobId, "progress", 1.5))
                .refused(400).get(0)).isEqualTo("progress must be between 0 and 1, got 1.5");
        service().post("/service/computations/progress/", params("job_id", jobId, "progress", -0.1)).refused(400);
        service().post("/service/computations/progress/", params("job_id", jobId)).refused(400);
        service().post("/service/computations/cancel/", params("job_id", jobId)).refused(409);
        service().post("/service/computations/start/", params("job_id", jobId, "start_time",
                System.currentTimeMillis() / 1000 + 3600)).refused(400);

        assertThat(statuses(jobId)).containsExactly("running", "pending");
        assertThat(decimal(show(jobId).get("progress"))).isZero();
        admin().post("/admin/computations/kill/", params("job_id", jobId)).ok();
    }

    @Test
    void badSubmissionsAreRefusedAndStoreNothing() {
        String login = unique("refused");
        long userId = newUser(login, "0.29");
        java.util.function.Function<Object[], ApiResult> submit = values -> service().post(
                "/service/computations/submit/", params(values));

        assertThat(submit.apply(new Object[]{"user_id", 999_999_999, "project_uid", "p", "toolchain_name", "calc",
                "provider_name", "aws_eu", "machine_name", "c5"}).refused(404).get(0))
                .isEqualTo("no user with user_id 999999999");
        assertThat(submit.apply(new Object[]{"user_id", userId, "project_uid", "p", "toolchain_name", "nope",
                "provider_name", "aws_eu", "machine_name", "c5"}).refused(404).get(0)).contains("toolchain_name");
        assertThat(submit.apply(new Object[]{"user_id", userId, "project_uid", "p", "toolchain_name", "calc",
                "provider_name", "nope", "machine_name", "c5"}).refused(404).get(0)).contains("provider_name");
        assertThat(submit.apply(new Object[]{"user_id", userId, "project_uid", "p", "toolchain_name", "calc",
                "provider_name", "aws_eu", "machine_name", "nope"}).refused(404).get(0)).contains("machine_name");
        assertThat(submit.apply(new Object[]{"user_id", userId, "project_uid", "p", "toolchain_name", "calc",
                "provider_name", "aws_eu", "machine_name", "gpu"}).refused(400).get(0))
                .isEqualTo("machine gpu of provider aws_eu is not allowed for toolchain calc");
        assertThat(submit.apply(new Object[]{"user_id", userId, "project_uid", "p", "toolchain_name", "calc",
                "provider_name", "aws_eu", "machine_name", "c5", "nbr_machines", 5}).refused(400).get(0))
                .startsWith("nbr_machines must be between 1 and 4");
        // 0.1 fixed + 0.2 first slice on 2 machines > 0.29
        assertThat(submit.apply(new Object[]{"user_id", userId, "project_uid", "p", "toolchain_name", "calc",
                "provider_name", "aws_eu", "machine_name", "c5", "nbr_machines", 2}).refused(409).get(0))
                .startsWith("insufficient credit");
        submit.apply(new Object[]{"user_id", userId, "project_uid", "p", "toolchain_name", "calc",
                "provider_name", "aws_eu", "machine_name", "c5", "colour", "red"}).refused(400);
        admin().post("/admin/user/remove/", params("user_id", userId)).ok();
        assertThat(submit.apply(new Object[]{"user_id", userId, "project_uid", "p", "toolchain_name", "free",
                "provider_name", "aws_eu", "machine_name", "c5"}).refused(409).get(0)).contains("is deleted");

        assertThat(admin().get("/admin/computations/list/", params("user_id", userId)).total()).isZero();
        assertThat(admin().get("/admin/transactions/list/", params("user_id", userId)).total()).isEqualTo(1);
    }

    @Test
    void unknownJobsAreRefusedWith404() {
        long unknown = 888_888_888;
        admin().get("/admin/computations/show/", params("job_id", unknown)).refused(404);
        admin().get("/admin/computations/show_logs/", params("job_id", unknown)).refused(404);
        admin().get("/admin/computations/statuses/", params("job_id", unknown)).refused(404);
        assertThat(admin().post("/admin/computations/kill/", params("job_id", unknown)).refused(404).get(0))
                .isEqualTo("no job with job_id " + unknown);
        admin().post("/admin/computations/disable_shutdown/", params("job_id", unknown)).refused(404);
        service().post("/service/computations/launching/", params("job_id", unknown)).refused(404);
        service().post("/service/computations/start/", params("job_id", unknown)).refused(404);
        service().post("/service/computations/finish/", params("job_id", unknown)).refused(404);
        service().post("/service/computations/logs/", params("job_id", unknown, "lines", "x")).refused(404);
        admin().get("/admin/computations/show/", params()).refused(400);
    }

    @Test
    void theSchedulerApiTakesOnlyServiceCredentials() {
        admin().post("/service/computations/launching/", params("job_id", 1)).refused(401);
        service().get("/admin/computations/list/", params()).refused(401);
    }

    @Test
    void aQuoteIsTheFixedPricePlusTheSlicesCoveringTheDurationAsOfADate() {
        JsonNode quote = admin().get("/admin/computations/quote/", params("toolchain_name", "calc",
                "provider_name", "aws_eu", "machine_name", "c5", "nbr_machines", 2, "duration", 3700,
                "rank", "gold")).ok();
        // 0.1 + 1.2 × 300 / 3600 × 2 + 7 × round(1.2 × 500 / 3600 × 2) = 0.1 + 0.2 + 7 × 0.33333333
        assertThat(quote.get("nbr_slices").asLong()).isEqualTo(8);
        assertThat(quote.get("billed_seconds").asLong()).isEqualTo(3800);
        assertThat(decimal(quote.get("computing_price"))).isEqualByComparingTo("2.53333331");
        assertThat(decimal(quote.get("total_price"))).isEqualByComparingTo("2.63333331");

        JsonNode before = admin().get("/admin/computations/quote/", params("toolchain_name", "calc",
                "provider_name", "aws_eu", "machine_name", "c5", "nbr_machines", 2, "duration", 3700,
                "rank", "gold", "date", CatalogTestDouble.PRICE_CHANGE.getEpochSecond() - 1)).ok();
        assertThat(decimal(before.get("price_per_hour_per_machine"))).isEqualByComparingTo("0.6");
        assertThat(decimal(before.get("total_price"))).isEqualByComparingTo("1.36666669");

        admin().get("/admin/computations/quote/", params("toolchain_name", "calc", "provider_name", "aws_eu",
                "machine_name", "gpu", "duration", 60, "rank", "gold")).refused(400);
        admin().get("/admin/computations/quote/", params("toolchain_name", "nope", "provider_name", "aws_eu",
                "machine_name", "c5", "duration", 60, "rank", "gold")).refused(404);
        admin().get("/admin/computations/quote/", params("toolchain_name", "calc", "provider_name", "aws_eu",
                "machine_name", "c5", "rank", "platinum")).refused(400);
    }
}
