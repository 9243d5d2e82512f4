package com.zephycloud.ledger.infra.computations;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import static com.zephycloud.ledger.infra.computations.ControlledClock.CLOCK;
import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slice billing end to end, with the time moved by the test: the real billing workers, the real
 * database (PostgreSQL when ZEPHY_DB_URL is set), the real API. Machine c5 of the catalog double:
 * gold 1.2 per hour and machine, first slice 300 s, then 500 s; toolchain calc's fixed price 0.1.
 */
class SliceBillingScenarioTest {

    private static final String DATABASE = LedgerInstance.database(
            "billing_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    private static LedgerInstance app;

    @BeforeAll
    static void startServer() {
        app = LedgerInstance.start(DATABASE, 2);
    }

    @AfterAll
    static void stopServer() {
        if (app != null) {
            app.close();
        }
        LedgerInstance.restoreEventClock();
    }

    private static long newUser(String coins) {
        return RunningJobs.newUser(app, coins);
    }

    private static long startJob(long userId, int machines) {
        return RunningJobs.startJob(app, userId, "c5", machines);
    }

    private static List<JsonNode> slices(ApiClient admin, long jobId) {
        List<JsonNode> slices = new ArrayList<>();
        admin.get("/admin/transactions/list/", params("job_id", jobId, "order", "computing_start ASC")).ok()
                .forEach(t -> {
                    if (!t.get("computing_start").isNull()) {
                        slices.add(t);
                    }
                });
        return slices;
    }

    /** Waits until the workers charged everything due at the clock's time for {@code jobId}. */
    private static void awaitBilled(LedgerInstance instance, long jobId) throws InterruptedException {
        awaitTrue(() -> {
            Long due = instance.jdbc().query("SELECT due_us FROM billing_schedule WHERE job_id = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, jobId);
            return due == null || due > CLOCK.instant().toEpochMilli() * 1000;
        });
    }

    static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!condition.get()) {
            assertThat(System.currentTimeMillis()).as("condition not reached in time").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    static void assertSlices(List<JsonNode> slices, Instant start, long... startOffsets) {
        assertThat(slices).hasSize(startOffsets.length);
        for (int n = 0; n < startOffsets.length; n++) {
            long from = start.getEpochSecond() + startOffsets[n];
            long to = start.getEpochSecond() + (n == 0 ? 300 : startOffsets[n] + 500);
            assertThat(slices.get(n).get("computing_start").asLong()).as("start of slice %d", n).isEqualTo(from);
            assertThat(slices.get(n).get("computing_end").asLong()).as("end of slice %d", n).isEqualTo(to);
        }
    }

    @Test
    void twoMachinesRunning3700SecondsPayEightSlicesEachOnce() throws InterruptedException {
        long userId = newUser("10");
        Instant start = CLOCK.instant();
        long jobId = startJob(userId, 2);

        CLOCK.advance(Duration.ofSeconds(3700));
        awaitBilled(app, jobId);
        app.service().post("/service/computations/finish/", params("job_id", jobId)).ok();
        CLOCK.advance(Duration.ofSeconds(2000));
        Thread.sleep(300);

        List<JsonNode> slices = slices(app.admin(), jobId);
        assertSlices(slices, start, 0, 300, 800, 1300, 1800, 2300, 2800, 3300);
        assertThat(decimal(slices.get(0).get("amount"))).isEqualByComparingTo("-0.2");
        for (JsonNode slice : slices.subList(1, 8)) {
            assertThat(decimal(slice.get("amount"))).isEqualByComparingTo("-0.33333333");
        }
        assertThat(decimal(app.admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit")))
                .isEqualByComparingTo("7.36666669"); // 10 - 0.1 - 0.2 - 7 × 0.33333333
        assertThat(app.jdbc().queryForObject("SELECT count(*) FROM computation_slice_charge WHERE job_id = ?",
                Long.class, jobId)).isEqualTo(8);
    }

    @Test
    void aUserWhoCannotPayTheNextSliceIsKilledAtThatSlicesBoundary() throws InterruptedException {
        // 1 - 0.1 fixed - 0.2 - 0.33333333 - 0.33333333 = 0.03333334 left: slice 3 (at 1300 s) is unpaid
        long userId = newUser("1");
        Instant start = CLOCK.instant();
        long jobId = startJob(userId, 2);

        CLOCK.advance(Duration.ofSeconds(2000));
        awaitBilled(app, jobId);

        assertSlices(slices(app.admin(), jobId), start, 0, 300, 800);
        JsonNode statuses = app.admin().get("/admin/computations/statuses/", params("job_id", jobId)).ok();
        assertThat(statuses.get(0).get("status").asText()).isEqualTo("killed");
        assertThat(statuses.get(0).get("date").asLong()).isEqualTo(start.getEpochSecond() + 1300);
        assertThat(statuses.get(0).get("reason").asText()).startsWith("unpaid: slice 3 could not be charged");
        JsonNode job = app.admin().get("/admin/computations/show/", params("job_id", jobId)).ok();
        assertThat(job.get("end_time").asLong()).isEqualTo(start.getEpochSecond() + 1300);
        assertThat(decimal(app.admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit")))
                .isEqualByComparingTo("0.03333334");
    }

    @Test
    void aJobKilledMidSliceIsNotChargedAgain() throws InterruptedException {
        long userId = newUser("10");
        Instant start = CLOCK.instant();
        long jobId = startJob(userId, 1);
        CLOCK.advance(Duration.ofSeconds(150));
        awaitBilled(app, jobId);

        app.admin().post("/admin/computations/kill/", params("job_id", jobId)).ok();
        CLOCK.advance(Duration.ofSeconds(2000));
        Thread.sleep(300);

        assertSlices(slices(app.admin(), jobId), start, 0);
    }

    @Test
    void aRestartMidJobChargesTheRemainingSlicesOnce() throws InterruptedException {
        long userId = newUser("10");
        Instant start = CLOCK.instant();
        long jobId = startJob(userId, 2);
        CLOCK.advance(Duration.ofSeconds(700));
        awaitBilled(app, jobId);
        assertSlices(slices(app.admin(), jobId), start, 0, 300);

        app.close();
        CLOCK.advance(Duration.ofSeconds(1700)); // 2400 s: slices at 800, 1300, 1800 and 2300 are overdue
        app = LedgerInstance.start(DATABASE, 2);
        awaitBilled(app, jobId);
        assertSlices(slices(app.admin(), jobId), start, 0, 300, 800, 1300, 1800, 2300);

        try (LedgerInstance second = LedgerInstance.start(DATABASE, 2)) {
            CLOCK.advance(Duration.ofSeconds(1000)); // 3400 s: two servers race for 2800 and 3300
            awaitBilled(app, jobId);
        }
        // the second server's projection segments move back to the first one
        awaitTrue(() -> slices(app.admin(), jobId).size() >= 8);
        app.service().post("/service/computations/finish/", params("job_id", jobId)).ok();
        assertSlices(slices(app.admin(), jobId), start, 0, 300, 800, 1300, 1800, 2300, 2800, 3300);
        assertThat(decimal(app.admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit")))
                .isEqualByComparingTo("7.36666669");
    }
}
