package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.infra.computations.billing.SliceBilling;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.zephycloud.ledger.infra.computations.ControlledClock.CLOCK;
import static com.zephycloud.ledger.infra.computations.RunningJobs.newUser;
import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slices charged in batches, several per database transaction, by {@link SliceBilling} called
 * directly (the server runs no billing worker of its own). Machine "fast" of the catalog double:
 * slices of 1 s at 3.6 per hour, 0.001 a slice; toolchain calc's fixed price 0.1.
 */
class SliceBatchBillingTest {

    private static final String DATABASE = LedgerInstance.database(
            "batch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
    private static LedgerInstance app;
    private static SliceBilling billing;

    @BeforeAll
    static void startServer() {
        app = LedgerInstance.start(DATABASE, 0);
        billing = app.bean(SliceBilling.class);
    }

    @AfterAll
    static void stopServer() {
        if (app != null) {
            app.close();
        }
        LedgerInstance.restoreEventClock();
    }

    private final List<Long> started = new ArrayList<>();

    /** Each test counts the slices of its own jobs only: the jobs of the others are ended. */
    @AfterEach
    void finishJobs() {
        for (long job : started) {
            app.service().post("/service/computations/finish/", params("job_id", job)).ok();
        }
        started.clear();
    }

    private long startJob(long userId) {
        long job = RunningJobs.startJob(app, userId, "fast", 1);
        started.add(job);
        return job;
    }

    @Test
    void oneBatchChargesTheDueSliceOfEveryJobAndAnAccountPayingForSeveralOfThem() {
        long shared = newUser(app, "10");
        long alone = newUser(app, "10");
        List<Long> jobs = List.of(startJob(shared), startJob(shared),
                startJob(shared), startJob(alone));

        assertThat(billing.chargeDue()).isEqualTo(4);
        assertThat(billing.chargeDue()).isZero();

        for (long job : jobs) {
            assertThat(slicesOf(job)).containsExactly(0L);
        }
        assertBalance(shared, "9.697"); // 10 - 3 × (0.1 + 0.001)
        assertBalance(alone, "9.899");
    }

    @Test
    void concurrentBatchesChargeEveryOverdueSliceOnce() throws Exception {
        long shared = newUser(app, "10");
        List<Long> jobs = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            jobs.add(startJob(i % 2 == 0 ? shared : newUser(app, "10")));
        }
        CLOCK.advance(Duration.ofSeconds(4)); // slices 0..4 of every job are due

        ExecutorService threads = Executors.newFixedThreadPool(3);
        List<Future<Integer>> settled = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            settled.add(threads.submit(() -> {
                int total = 0;
                for (int quiet = 0; quiet < 3; ) {
                    int n = billing.chargeDue();
                    total += n;
                    quiet = n == 0 ? quiet + 1 : 0;
                }
                return total;
            }));
        }
        int total = 0;
        for (Future<Integer> f : settled) {
            total += f.get();
        }
        threads.shutdown();

        assertThat(total).isEqualTo(6 * 5);
        for (long job : jobs) {
            assertThat(slicesOf(job)).containsExactly(0L, 1L, 2L, 3L, 4L);
        }
        assertBalance(shared, "9.685"); // 10 - 3 × (0.1 + 5 × 0.001)
    }

    @Test
    void aSliceThatCannotBeStoredHoldsBackNoneOfItsBatchAndIsChargedOnceLater() {
        long poisonedUser = newUser(app, "10");
        long poisoned = startJob(poisonedUser);
        long other = startJob(newUser(app, "10"));
        long third = startJob(newUser(app, "10"));
        assertThat(billing.chargeDue()).isEqualTo(3);
        // a row in the way of slice 1's record: its charge fails when the batch is stored
        app.jdbc().update("INSERT INTO computation_slice_charge (job_id, slice_number, transaction_id) VALUES (?, 1, -1)",
                poisoned);
        CLOCK.advance(Duration.ofSeconds(1));

        assertThat(billing.chargeDue()).isEqualTo(2);

        assertThat(slicesOf(other)).containsExactly(0L, 1L);
        assertThat(slicesOf(third)).containsExactly(0L, 1L);
        assertThat(app.jdbc().queryForObject("SELECT next_slice FROM billing_schedule WHERE job_id = ?", Long.class,
                poisoned)).isEqualTo(1);
        assertBalance(poisonedUser, "9.899"); // only slice 0 paid

        app.jdbc().update("DELETE FROM computation_slice_charge WHERE job_id = ? AND slice_number = 1", poisoned);
        assertThat(billing.chargeDue()).isEqualTo(1);

        assertThat(slicesOf(poisoned)).containsExactly(0L, 1L);
        assertBalance(poisonedUser, "9.898");
    }

    @Test
    void jobsChargedMeanwhileByAnotherInstanceAreChargedOnceMoreWithoutRepeatingItsSlices() throws Exception {
        long user = newUser(app, "10");
        List<Long> jobs = List.of(startJob(user), startJob(newUser(app, "10")));
        assertThat(billing.chargeDue()).isEqualTo(2); // this instance now holds both jobs and the account in memory
        try (LedgerInstance other = LedgerInstance.start(DATABASE, 0)) {
            CLOCK.advance(Duration.ofSeconds(1));
            assertThat(other.bean(SliceBilling.class).chargeDue()).isEqualTo(2);
        }
        CLOCK.advance(Duration.ofSeconds(1));

        // what this instance holds in memory is stale: a batch fails on it, then is charged again
        int settled = 0;
        for (int attempt = 0; attempt < 5; attempt++) {
            settled += billing.chargeDue();
        }

        assertThat(settled).isEqualTo(2);
        for (long job : jobs) {
            assertThat(slicesOf(job)).containsExactly(0L, 1L, 2L);
        }
        SliceBillingScenarioTest.awaitTrue(() -> decimal(app.admin().post("/admin/user/show/",
                params("user_id", user)).ok().get("credit")).compareTo(new BigDecimal("9.897")) == 0);
        assertBalance(user, "9.897"); // 10 - 0.1 - 3 × 0.001
    }

    private static List<Long> slicesOf(long jobId) {
        return app.jdbc().queryForList("SELECT slice_number FROM computation_slice_charge WHERE job_id = ?"
                + " ORDER BY slice_number", Long.class, jobId);
    }

    /**
     * The sum of the user's transactions in the command side's register, and the balance the
     * account itself reports (through its events): a charge rolled back in memory but not in the
     * database would set them apart.
     */
    private static void assertBalance(long userId, String expected) {
        assertThat(app.jdbc().queryForObject("SELECT sum(signed_amount) FROM ledger_entry WHERE user_id = ?",
                BigDecimal.class, userId)).isEqualByComparingTo(expected);
        assertThat(decimal(app.admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit")))
                .isEqualByComparingTo(expected);
    }
}
