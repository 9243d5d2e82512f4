package com.zephycloud.ledger.infra.computations;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static com.zephycloud.ledger.infra.computations.ControlledClock.CLOCK;
import static com.zephycloud.ledger.infra.computations.SliceBillingScenarioTest.awaitTrue;
import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slice billing of paused and resumed jobs end to end, with the time moved by the test, across
 * restarts and with two servers: the real billing workers, the real database (PostgreSQL when
 * ZEPHY_DB_URL is set), the real API. Machine c5 of the catalog double on 2 machines: slice 0
 * lasts 300 s (0.2), every next one 500 s (0.33333333), in running time; toolchain calc's fixed
 * price 0.1.
 */
class PauseBillingScenarioTest {

    private static final String DATABASE = LedgerInstance.database(
            "pause_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    /** Long enough for the workers (polling every 20 ms) to charge anything they would charge. */
    private static final long QUIET_MILLIS = 400;
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

    /** [start, end) of each computing slice of the job in seconds after {@code origin}, in slice order. */
    private static List<List<Long>> slices(long jobId, Instant origin) {
        return slices(app, jobId, origin);
    }

    private static List<List<Long>> slices(LedgerInstance instance, long jobId, Instant origin) {
        List<List<Long>> slices = new ArrayList<>();
        instance.admin().get("/admin/transactions/list/", params("job_id", jobId, "order", "computing_start ASC")).ok()
                .forEach(t -> {
                    if (!t.get("computing_start").isNull()) {
                        slices.add(List.of(t.get("computing_start").asLong() - origin.getEpochSecond(),
                                t.get("computing_end").asLong() - origin.getEpochSecond()));
                    }
                });
        return slices;
    }

    private static long charges(LedgerInstance instance, long jobId) {
        return instance.jdbc().queryForObject("SELECT count(*) FROM computation_slice_charge WHERE job_id = ?",
                Long.class, jobId);
    }

    /** Waits until the workers charged everything due at the clock's time for {@code jobId}. */
    private static void awaitBilled(LedgerInstance instance, long jobId) throws InterruptedException {
        awaitTrue(() -> {
            Long due = instance.jdbc().query("SELECT due_us FROM billing_schedule WHERE job_id = ?",
                    rs -> rs.next() ? rs.getLong(1) : null, jobId);
            return due == null || due > CLOCK.instant().toEpochMilli() * 1000;
        });
    }

    private static JsonNode post(LedgerInstance instance, String path, long jobId) {
        return instance.service().post(path, params("job_id", jobId)).ok();
    }

    private static String credit(long userId) {
        return decimal(app.admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit"))
                .toPlainString();
    }

    @Test
    void aPausedJobIsNotChargedAcrossARestartAndIsChargedFromItsResumeOn() throws InterruptedException {
        long userId = RunningJobs.newUser(app, "10");
        Instant s = CLOCK.instant();
        long jobId = RunningJobs.startJob(app, userId, "c5", 2);
        CLOCK.advance(Duration.ofSeconds(500));
        awaitBilled(app, jobId);
        assertThat(slices(jobId, s)).containsExactly(List.of(0L, 300L), List.of(300L, 800L));

        // paused 500 s into the job: slice 1, paid until running second 800, has 300 s left
        assertThat(post(app, "/service/computations/pause/", jobId).get("status").asText()).isEqualTo("paused");
        CLOCK.advance(Duration.ofSeconds(5000));
        Thread.sleep(QUIET_MILLIS);
        assertThat(charges(app, jobId)).isEqualTo(2);

        app.close();
        CLOCK.advance(Duration.ofSeconds(5000));
        app = LedgerInstance.start(DATABASE, 2);
        Thread.sleep(QUIET_MILLIS);
        assertThat(charges(app, jobId)).isEqualTo(2);
        assertThat(app.admin().get("/admin/computations/show/", params("job_id", jobId)).ok().get("status").asText())
                .isEqualTo("paused");

        // resumed at 10500 s: the 300 s left of slice 1 run first, slice 2 begins at 10800 s
        assertThat(post(app, "/service/computations/resume/", jobId).get("next_slice_time").asLong())
                .isEqualTo(s.getEpochSecond() + 10800);
        CLOCK.advance(Duration.ofSeconds(299));
        Thread.sleep(QUIET_MILLIS);
        assertThat(charges(app, jobId)).isEqualTo(2);
        CLOCK.advance(Duration.ofSeconds(1));
        awaitBilled(app, jobId);
        assertThat(charges(app, jobId)).isEqualTo(3);

        app.close();
        CLOCK.advance(Duration.ofSeconds(1000)); // 11800 s: slices 3 (11300 s) and 4 (11800 s) are overdue
        app = LedgerInstance.start(DATABASE, 2);
        awaitBilled(app, jobId);
        post(app, "/service/computations/finish/", jobId);

        assertThat(slices(jobId, s)).containsExactly(List.of(0L, 300L), List.of(300L, 800L),
                List.of(10800L, 11300L), List.of(11300L, 11800L), List.of(11800L, 12300L));
        assertThat(credit(userId)).isEqualTo("8.36666668"); // 10 - 0.1 - 0.2 - 4 × 0.33333333
        JsonNode history = app.admin().get("/admin/computations/statuses/", params("job_id", jobId)).ok();
        assertThat(history).extracting(entry -> entry.get("status").asText())
                .containsExactly("finished", "running", "paused", "running", "pending");
        assertThat(history.get(1).get("date").asLong()).isEqualTo(s.getEpochSecond() + 10500);
        assertThat(history.get(1).get("reason").asText()).isEqualTo("resumed after 10000 s paused");
        assertThat(history.get(2).get("date").asLong()).isEqualTo(s.getEpochSecond() + 500);
    }

    @Test
    void aPauseAfterARestartChargesTheSlicesBegunBeforeItOnceAndAFinishAfterItChargesNothing()
            throws InterruptedException {
        long userId = RunningJobs.newUser(app, "10");
        Instant s = CLOCK.instant();
        long jobId = RunningJobs.startJob(app, userId, "c5", 2);
        CLOCK.advance(Duration.ofSeconds(100));
        awaitBilled(app, jobId);

        app.close();
        CLOCK.advance(Duration.ofSeconds(1000)); // 1100 s: slices 1 (300 s) and 2 (800 s) began, unpaid
        try (LedgerInstance noWorkers = LedgerInstance.start(DATABASE, 0)) {
            assertThat(post(noWorkers, "/service/computations/pause/", jobId).get("status").asText())
                    .isEqualTo("paused");
            assertThat(charges(noWorkers, jobId)).isEqualTo(3);
        }
        app = LedgerInstance.start(DATABASE, 2);
        CLOCK.advance(Duration.ofSeconds(3000));
        Thread.sleep(QUIET_MILLIS);
        assertThat(charges(app, jobId)).isEqualTo(3);

        // 1100 s run, slice 2 paid until 1300 s: resumed at 4100 s, slice 3 begins at 4300 s
        assertThat(post(app, "/service/computations/resume/", jobId).get("next_slice_time").asLong())
                .isEqualTo(s.getEpochSecond() + 4300);
        post(app, "/service/computations/pause/", jobId);
        post(app, "/service/computations/finish/", jobId);
        CLOCK.advance(Duration.ofSeconds(3000));
        Thread.sleep(QUIET_MILLIS);

        assertThat(slices(jobId, s)).containsExactly(List.of(0L, 300L), List.of(300L, 800L), List.of(800L, 1300L));
        assertThat(credit(userId)).isEqualTo("9.03333334"); // 10 - 0.1 - 0.2 - 2 × 0.33333333
    }

    /**
     * With a snapshot after every change, a job is read back after each restart from a snapshot
     * taken after its resume, then from one taken while it is paused: its slices still begin at
     * their moved times.
     */
    @Test
    void aJobReadBackFromSnapshotsOfItsPausesIsChargedAtItsMovedSlices() throws InterruptedException {
        String database = LedgerInstance.database("snap_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        String[] snapshotEveryChange = {"--zephy.computations.snapshot-threshold=1"};
        LedgerInstance instance = LedgerInstance.start(database, 2, snapshotEveryChange);
        try {
            long userId = RunningJobs.newUser(instance, "10");
            Instant s = CLOCK.instant();
            long jobId = RunningJobs.startJob(instance, userId, "c5", 2);
            awaitBilled(instance, jobId);
            // Axon's snapshotter skips an aggregate whose snapshot is still being taken: each
            // change waits for the snapshot of the one before, so that every change gets its own.
            // submitted 0, started 1, slice 0 2: the start's snapshot may still be being taken when
            // the slice is charged, so the slice may get none; what matters is that none is in
            // progress when the pause comes
            awaitSnapshot(instance, jobId, 1);
            Thread.sleep(500);
            CLOCK.advance(Duration.ofSeconds(100));
            post(instance, "/service/computations/pause/", jobId);
            awaitSnapshot(instance, jobId, 3);
            CLOCK.advance(Duration.ofSeconds(1000));
            // resumed at 1100 s with 200 s of slice 0 left: slice 1 begins at 1300 s
            post(instance, "/service/computations/resume/", jobId);
            awaitSnapshot(instance, jobId, 4);
            instance.close();

            instance = LedgerInstance.start(database, 2, snapshotEveryChange);
            CLOCK.advance(Duration.ofSeconds(200));
            awaitBilled(instance, jobId);
            awaitSnapshot(instance, jobId, 5);
            CLOCK.advance(Duration.ofSeconds(100));
            post(instance, "/service/computations/pause/", jobId); // at 1400 s, 400 s into running time
            awaitSnapshot(instance, jobId, 6); // slice 1 5, paused 6
            instance.close();

            instance = LedgerInstance.start(database, 2, snapshotEveryChange);
            CLOCK.advance(Duration.ofSeconds(600));
            // resumed at 2000 s with 400 s of slice 1 left: slice 2 begins at 2400 s
            assertThat(post(instance, "/service/computations/resume/", jobId).get("next_slice_time").asLong())
                    .isEqualTo(s.getEpochSecond() + 2400);
            CLOCK.advance(Duration.ofSeconds(400));
            awaitBilled(instance, jobId);
            post(instance, "/service/computations/finish/", jobId);
            assertThat(slices(instance, jobId, s)).containsExactly(List.of(0L, 300L), List.of(1300L, 1800L), List.of(2400L, 2900L));
        } finally {
            instance.close();
        }
    }

    /** Waits until the job has a snapshot taken at or after its event {@code sequence}. */
    private static void awaitSnapshot(LedgerInstance instance, long jobId, long sequence) throws InterruptedException {
        awaitTrue(() -> {
            Long latest = instance.jdbc().queryForObject("SELECT max(sequence_number) FROM snapshot_event_entry"
                    + " WHERE aggregate_identifier = ?", Long.class, "job:" + jobId);
            return latest != null && latest >= sequence;
        });
    }

    /**
     * Each server keeps the jobs it worked on in memory. A job paused and resumed through the other
     * server is stale in this one's memory, paused or running on the old slice times: its billing
     * fails once on that, then charges the slice once, at the times the store says.
     */
    @Test
    void aJobPausedOrResumedThroughAnotherServerIsChargedOnceAtItsMovedSlices() throws InterruptedException {
        long userId = RunningJobs.newUser(app, "10");
        Instant s = CLOCK.instant();
        long jobId = RunningJobs.startJob(app, userId, "c5", 2);
        awaitBilled(app, jobId);
        CLOCK.advance(Duration.ofSeconds(100));
        post(app, "/service/computations/pause/", jobId); // this server holds the job paused
        try (LedgerInstance other = LedgerInstance.start(DATABASE, 0)) {
            CLOCK.advance(Duration.ofSeconds(1000));
            // resumed at 1100 s with 200 s of slice 0 left: slice 1 begins at 1300 s
            assertThat(post(other, "/service/computations/resume/", jobId).get("next_slice_time").asLong())
                    .isEqualTo(s.getEpochSecond() + 1300);
            CLOCK.advance(Duration.ofSeconds(200));
            awaitBilled(app, jobId);
            assertThat(charges(app, jobId)).isEqualTo(2);

            // this server now holds the job running; paused 100 s and resumed through the other one
            CLOCK.advance(Duration.ofSeconds(100));
            post(other, "/service/computations/pause/", jobId);
            CLOCK.advance(Duration.ofSeconds(100));
            post(other, "/service/computations/resume/", jobId);
            CLOCK.advance(Duration.ofSeconds(400)); // 1900 s: slice 2 began at 1800 + 100 = 1900 s
            awaitBilled(app, jobId);
            assertThat(charges(app, jobId)).isEqualTo(3);
        }
        // the other server's projection segments move back to this one
        awaitTrue(() -> slices(jobId, s).size() == 3);
        post(app, "/service/computations/finish/", jobId);
        assertThat(slices(jobId, s)).containsExactly(List.of(0L, 300L), List.of(1300L, 1800L), List.of(1900L, 2400L));
        assertThat(credit(userId)).isEqualTo("9.03333334");
    }
}
