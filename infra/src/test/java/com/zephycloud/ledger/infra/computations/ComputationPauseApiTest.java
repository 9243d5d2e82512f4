package com.zephycloud.ledger.infra.computations;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;
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

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pause and resume through the scheduler's API, over HTTP, and what the admin views show of them.
 * Machine c5 of the catalog double: the first slice lasts 300 s, so within a test only slice 0 is
 * due (the billing of later slices, with the time moved by the test, is
 * {@link PauseBillingScenarioTest}'s business).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(CatalogTestDouble.class)
class ComputationPauseApiTest {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static final String DATABASE = "pause_api_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);

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

    private ApiClient service() {
        return ApiClient.service(port);
    }

    private long newJob(boolean started) throws InterruptedException {
        StringBuilder login = new StringBuilder("pauser");
        for (long value = System.nanoTime() % 1_000_000_000L * 100 + COUNTER.incrementAndGet(); value > 0; value /= 26) {
            login.append((char) ('a' + value % 26));
        }
        long userId = admin().post("/admin/user/new/", params("login", login, "email", login + "@example.com",
                "pwd", "secret-password", "rank", "gold", "nbr_coins", "10")).ok().asLong();
        long jobId = service().post("/service/computations/submit/", params("user_id", userId, "project_uid",
                login + "-p", "toolchain_name", "calc", "provider_name", "aws_eu", "machine_name", "c5")).ok()
                .get("job_id").asLong();
        if (started) {
            service().post("/service/computations/start/", params("job_id", jobId)).ok();
            long deadline = System.currentTimeMillis() + 15_000;
            while (transactionsOf(jobId).size() < 2) { // the fixed price, then slice 0 at the start
                assertThat(System.currentTimeMillis()).as("slice 0 charged in time").isLessThan(deadline);
                Thread.sleep(50);
            }
        }
        return jobId;
    }

    private JsonNode transactionsOf(long jobId) {
        return admin().get("/admin/transactions/list/", params("job_id", jobId, "order", "id ASC")).ok();
    }

    private JsonNode history(long jobId) {
        return admin().get("/admin/computations/statuses/", params("job_id", jobId)).ok();
    }

    private List<String> statuses(long jobId) {
        List<String> statuses = new ArrayList<>();
        history(jobId).forEach(entry -> statuses.add(entry.get("status").asText()));
        return statuses;
    }

    private String status(long jobId) {
        return admin().get("/admin/computations/show/", params("job_id", jobId)).ok().get("status").asText();
    }

    @Test
    void theSchedulerPausesAndResumesARunningJobAndTheAdminViewsShowBoth() throws InterruptedException {
        long jobId = newJob(true);
        long before = System.currentTimeMillis() / 1000;

        JsonNode paused = service().post("/service/computations/pause/", params("job_id", jobId,
                "reason", "spot capacity reclaimed")).ok();

        assertThat(paused.get("status").asText()).isEqualTo("paused");
        assertThat(status(jobId)).isEqualTo("paused");
        assertThat(admin().get("/admin/computations/list/", params("status", "paused")).ok())
                .extracting(job -> job.get("job_id").asLong()).contains(jobId);
        JsonNode pause = history(jobId).get(0);
        assertThat(pause.get("status").asText()).isEqualTo("paused");
        assertThat(pause.get("reason").asText()).isEqualTo("spot capacity reclaimed");
        assertThat(pause.get("date").asLong()).isBetween(before, System.currentTimeMillis() / 1000);

        long resumedAt = System.currentTimeMillis() / 1000;
        JsonNode resumed = service().post("/service/computations/resume/", params("job_id", jobId)).ok();

        // slice 0 (300 s) was paid at the start, and the part of it not run before the pause runs first
        JsonNode slice0 = transactionsOf(jobId).get(1);
        long ranBeforePause = pause.get("date").asLong() - slice0.get("computing_start").asLong();
        assertThat(resumed.get("next_slice_time").asLong())
                .isBetween(resumedAt + 300 - ranBeforePause - 1, System.currentTimeMillis() / 1000 + 300 - ranBeforePause + 1);
        assertThat(status(jobId)).isEqualTo("running");
        assertThat(statuses(jobId)).containsExactly("running", "paused", "running", "pending");
        assertThat(history(jobId).get(0).get("reason").asText()).matches("resumed after \\d+ s paused");
        assertThat(transactionsOf(jobId)).hasSize(2);

        service().post("/service/computations/pause/", params("job_id", jobId)).ok();
        assertThat(history(jobId).get(0).get("reason").asText()).isEqualTo("paused by the scheduler");
        service().post("/service/computations/finish/", params("job_id", jobId)).ok();
        assertThat(statuses(jobId)).containsExactly("finished", "paused", "running", "paused", "running", "pending");
        assertThat(transactionsOf(jobId)).hasSize(2);
        assertThat(admin().get("/admin/computations/show/", params("job_id", jobId)).ok().get("end_time").isNull())
                .isFalse();

        // published on the event feed like every other event, with what a consumer needs
        List<JsonNode> events = new ArrayList<>();
        service().get("/service/events/list", params("job_id", jobId, "limit", 100)).ok().get("events")
                .forEach(events::add);
        assertThat(events).extracting(event -> event.get("type").asText()).containsSubsequence(
                "computations.ComputationStarted", "computations.ComputationPaused", "computations.ComputationResumed",
                "computations.ComputationPaused", "computations.ComputationFinished");
        JsonNode resumeEvent = events.stream()
                .filter(event -> event.get("type").asText().equals("computations.ComputationResumed"))
                .findFirst().orElseThrow().get("payload");
        assertThat(resumeEvent.get("job_id").asLong()).isEqualTo(jobId);
        assertThat(resumeEvent.get("next_slice").asInt()).isEqualTo(1);
        assertThat(resumeEvent.get("next_slice_start").asText()).isNotEmpty();
    }

    @Test
    void pausingAJobThatDoesNotRunAndResumingOneThatIsNotPausedAreRefusedAndChangeNothing()
            throws InterruptedException {
        long pending = newJob(false);
        assertThat(service().post("/service/computations/pause/", params("job_id", pending)).refused(409).get(0))
                .isEqualTo("job " + pending + " is pending: cannot pause it (allowed when running)");
        assertThat(service().post("/service/computations/resume/", params("job_id", pending)).refused(409).get(0))
                .isEqualTo("job " + pending + " is pending: cannot resume it (allowed when paused)");
        assertThat(statuses(pending)).containsExactly("pending");

        long running = newJob(true);
        assertThat(service().post("/service/computations/resume/", params("job_id", running)).refused(409).get(0))
                .isEqualTo("job " + running + " is running: cannot resume it (allowed when paused)");
        service().post("/service/computations/pause/", params("job_id", running)).ok();
        assertThat(service().post("/service/computations/pause/", params("job_id", running)).refused(409).get(0))
                .isEqualTo("job " + running + " is paused: cannot pause it (allowed when running)");
        assertThat(service().post("/service/computations/cancel/", params("job_id", running)).refused(409).get(0))
                .isEqualTo("job " + running + " is paused: cannot cancel it (allowed when pending or launching)");
        service().post("/service/computations/progress/", params("job_id", running, "progress", 0.5)).refused(409);
        assertThat(statuses(running)).containsExactly("paused", "running", "pending");
        assertThat(transactionsOf(running)).hasSize(2);
    }

    /** A scheduler that did not get the answer sends the same pause again: it gets the first answer, not a refusal. */
    @Test
    void aRepeatedRequestIdIsAnsweredAsTheFirstPauseAndResumeWere() throws InterruptedException {
        long jobId = newJob(true);
        var pause = params("job_id", jobId, "reason", "maintenance", "request_id", "pause-" + jobId);
        JsonNode paused = service().post("/service/computations/pause/", pause).ok();
        assertThat(paused.get("status").asText()).isEqualTo("paused");
        assertThat(service().post("/service/computations/pause/", pause).ok()).isEqualTo(paused);

        var resume = params("job_id", jobId, "request_id", "resume-" + jobId);
        JsonNode resumed = service().post("/service/computations/resume/", resume).ok();
        assertThat(service().post("/service/computations/resume/", resume).ok()).isEqualTo(resumed);
        assertThat(statuses(jobId)).as("each applied once").containsExactly("running", "paused", "running", "pending");

        // the same request_id for another pause is refused and changes nothing
        assertThat(service().post("/service/computations/pause/", params("job_id", jobId, "reason", "other",
                "request_id", "pause-" + jobId)).refused(409).get(0))
                .contains("was already used for a request with other content");
        assertThat(status(jobId)).isEqualTo("running");
        // without a request_id a second pause is a new one, refused while the job is paused
        service().post("/service/computations/pause/", params("job_id", jobId)).ok();
        assertThat(service().post("/service/computations/pause/", params("job_id", jobId)).refused(409).get(0))
                .isEqualTo("job " + jobId + " is paused: cannot pause it (allowed when running)");
    }

    @Test
    void badOrUnknownJobsAreRefusedWithTheEnvelope() {
        long unknown = 777_777_777;
        assertThat(service().post("/service/computations/pause/", params("job_id", unknown)).refused(404).get(0))
                .isEqualTo("no job with job_id " + unknown);
        assertThat(service().post("/service/computations/resume/", params("job_id", unknown)).refused(404).get(0))
                .isEqualTo("no job with job_id " + unknown);
        service().post("/service/computations/pause/", params()).refused(400);
        service().post("/service/computations/resume/", params("job_id", "twelve")).refused(400);
        service().post("/service/computations/pause/", params("job_id", 1, "colour", "red")).refused(400);
        admin().post("/service/computations/pause/", params("job_id", 1)).refused(401);
    }

    /**
     * A billing worker holds a job's schedule row from its claim until its batch commits, and
     * takes the job after the row. The pause takes them in that order too: while the row is held
     * it waits without holding the job, so another command on the job goes through meanwhile (had
     * the pause taken the job first, that command would wait as long as the row is held, and a
     * worker waiting for the job would wait for ever).
     */
    @Test
    void aPauseWaitsForTheScheduleRowABillingWorkerHoldsBeforeTakingTheJob() throws Exception {
        long jobId = newJob(true);
        ExecutorService pauser = Executors.newSingleThreadExecutor();
        try (Connection worker = jdbc.getDataSource().getConnection()) {
            worker.setAutoCommit(false);
            try (PreparedStatement claim = worker.prepareStatement(
                    "SELECT next_slice FROM billing_schedule WHERE job_id = ? FOR UPDATE")) {
                claim.setLong(1, jobId);
                assertThat(claim.executeQuery().next()).isTrue();
            }
            Future<ApiResult> pause = pauser.submit(() ->
                    service().post("/service/computations/pause/", params("job_id", jobId)));
            Thread.sleep(300);
            assertThat(pause.isDone()).isFalse();
            admin().post("/admin/computations/disable_shutdown/", params("job_id", jobId)).ok();
            worker.rollback();
            assertThat(pause.get(20, TimeUnit.SECONDS).ok().get("status").asText()).isEqualTo("paused");
        } finally {
            pauser.shutdownNow();
        }
        assertThat(statuses(jobId)).containsExactly("paused", "running", "pending");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM billing_schedule WHERE job_id = ?", Integer.class, jobId))
                .isZero();
        service().post("/service/computations/resume/", params("job_id", jobId)).ok();
        assertThat(jdbc.queryForObject("SELECT next_slice FROM billing_schedule WHERE job_id = ?", Integer.class, jobId))
                .isEqualTo(1);
    }

    @Test
    void anAdminKillsAPausedJobAndItIsNotChargedAnyMore() throws InterruptedException {
        long jobId = newJob(true);
        service().post("/service/computations/pause/", params("job_id", jobId)).ok();

        admin().post("/admin/computations/kill/", params("job_id", jobId, "reason", "stuck")).ok();

        assertThat(statuses(jobId)).containsExactly("killed", "paused", "running", "pending");
        assertThat(service().post("/service/computations/resume/", params("job_id", jobId)).refused(409).get(0))
                .isEqualTo("job " + jobId + " is killed: cannot resume it (allowed when paused)");
        assertThat(transactionsOf(jobId)).hasSize(2);
        assertThat(decimal(transactionsOf(jobId).get(1).get("amount"))).isEqualByComparingTo("-0.1");
    }
}
