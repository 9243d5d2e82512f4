package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static com.zephycloud.ledger.infra.computations.ControlledClock.CLOCK;
import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 jobs running at once with 1-second slices for 60 s of simulated time (machine "fast" of
 * the catalog double), charged by the real billing workers on the test database. Each simulated
 * second, the clock moves one second and the benchmark waits until every due slice is charged:
 * it prints the charges per second of wall time, the delay between a slice's boundary (the clock's
 * move) and its transaction being stored (seen by polling the billing schedule every 5 ms), and
 * checks that every job has exactly the slices 0..60, each once. Baseline, in the same run: plain
 * ConsumeCredit commands (one transaction each, same number of threads).
 * Run: ./mvnw -B -Pbenchmark verify -pl infra -am -Dtest=SliceBillingBenchmark
 * Scale (for a quick look only; the documented figures are for the defaults):
 * -DargLine="-Dbench.jobs=1000 -Dbench.seconds=60 -Dbench.workers=4".
 */
@Tag("benchmark")
class SliceBillingBenchmark {

    private static final int JOBS = Integer.getInteger("bench.jobs", 1000);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);
    private static final int WORKERS = Integer.getInteger("bench.workers", 4);

    @Test
    void thousandJobsWithOneSecondSlices() throws Exception {
        String database = LedgerInstance.database("bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        try (LedgerInstance app = LedgerInstance.start(database, WORKERS)) {
            long[] users = new long[JOBS];
            long[] jobs = new long[JOBS];
            ExecutorService setup = Executors.newFixedThreadPool(4);
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < JOBS; i++) {
                int n = i;
                done.add(setup.submit(() -> {
                    users[n] = RunningJobs.newUser(app, "100");
                    jobs[n] = RunningJobs.startJob(app, users[n], "fast", 1);
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            setup.shutdown();
            awaitCharged(app, JOBS, System.nanoTime(), new ArrayList<>()); // slice 0 of every job, at the start

            List<Long> delaysMicros = new ArrayList<>();
            long wallStart = System.nanoTime();
            for (int second = 1; second <= SECONDS; second++) {
                long boundary = System.nanoTime();
                CLOCK.advance(Duration.ofSeconds(1));
                awaitCharged(app, (long) JOBS * (second + 1), boundary, delaysMicros);
            }
            double wallSeconds = (System.nanoTime() - wallStart) / 1e9;
            for (long job : jobs) {
                app.service().post("/service/computations/finish/", params("job_id", job)).ok();
            }

            long charges = (long) JOBS * SECONDS;
            long[] sorted = delaysMicros.stream().mapToLong(Long::longValue).sorted().toArray();
            double baseline = baselineConsumesPerSecond(app, users);
            System.out.printf("slice billing: %d jobs x %d one-second slices (+ slice 0), %d workers%n", JOBS, SECONDS, WORKERS);
            System.out.printf("  charges/s: %.0f (%d charges in %.1f s of wall time)%n", charges / wallSeconds, charges, wallSeconds);
            System.out.printf("  boundary -> transaction stored: p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    percentile(sorted, 50) / 1000.0, percentile(sorted, 99) / 1000.0, sorted[sorted.length - 1] / 1000.0);
            System.out.printf("  baseline, plain ConsumeCredit commands/s: %.0f; slice charges / baseline: %.2f%n",
                    baseline, charges / wallSeconds / baseline);

            Long missedOrDouble = app.jdbc().queryForObject("SELECT count(*) FROM (SELECT job_id, count(*) AS n,"
                    + " count(DISTINCT slice_number) AS d, max(slice_number) AS m FROM computation_slice_charge"
                    + " GROUP BY job_id) s WHERE n <> ? OR d <> ? OR m <> ?", Long.class, SECONDS + 1, SECONDS + 1, SECONDS);
            long expectedSlices = (long) JOBS * (SECONDS + 1);
            String ledger = "SELECT count(*) FROM ledger_transactions WHERE category = 'computation'";
            long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
            while (app.jdbc().queryForObject(ledger, Long.class) < expectedSlices && System.nanoTime() < deadline) {
                Thread.sleep(100); // the transactions projection catching up
            }
            Long ledgerSlices = app.jdbc().queryForObject(ledger, Long.class);
            Long distinctSlices = app.jdbc().queryForObject("SELECT count(*) FROM (SELECT DISTINCT job_id, computing_start"
                    + " FROM ledger_transactions WHERE category = 'computation') s", Long.class);
            System.out.printf("  jobs with a missed or double slice: %d; slice transactions in the ledger: %d,"
                    + " distinct (job, computing_start): %d, expected %d%n", missedOrDouble, ledgerSlices, distinctSlices,
                    expectedSlices);
            assertThat(missedOrDouble).isZero();
            assertThat(ledgerSlices).isEqualTo(expectedSlices);
            assertThat(distinctSlices).isEqualTo(expectedSlices);
        } finally {
            LedgerInstance.restoreEventClock();
        }
    }

    /** Waits until {@code expected} slices are charged; each newly seen one gets the delay since {@code boundary}. */
    private static void awaitCharged(LedgerInstance app, long expected, long boundary, List<Long> delays)
            throws InterruptedException {
        long seen = count(app);
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (seen < expected) {
            assertThat(System.nanoTime()).as("slices not charged in time").isLessThan(deadline);
            Thread.sleep(5);
            long now = count(app);
            long micros = (System.nanoTime() - boundary) / 1000;
            for (long i = seen; i < now; i++) {
                delays.add(micros);
            }
            seen = now;
        }
        assertThat(seen).isEqualTo(expected);
    }

    /**
     * Slices charged so far: the sum of the running jobs' next slice numbers, moved in the same
     * transaction as each charge. Counting the rows of computation_slice_charge instead scanned a
     * table growing to 61,000 rows 200 times a second, a load on the database of its own.
     */
    private static long count(LedgerInstance app) {
        return app.jdbc().queryForObject("SELECT coalesce(sum(next_slice), 0) FROM billing_schedule", Long.class);
    }

    private static double baselineConsumesPerSecond(LedgerInstance app, long[] users) throws Exception {
        CommandGateway gateway = app.bean(CommandGateway.class);
        TransactionTemplate transactions = app.bean(TransactionTemplate.class);
        TransactionIdGenerator ids = app.bean(TransactionIdGenerator.class);
        AtomicInteger next = new AtomicInteger();
        int total = 5000;
        ExecutorService threads = Executors.newFixedThreadPool(WORKERS);
        long start = System.nanoTime();
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < WORKERS; t++) {
            done.add(threads.submit(() -> {
                for (int i = next.getAndIncrement(); i < total; i = next.getAndIncrement()) {
                    UserId user = UserId.of(users[i % users.length]);
                    transactions.executeWithoutResult(status -> gateway.sendAndWait(new ConsumeCredit(user, ids.next(),
                            Zephycoins.of("0.00000001"), "baseline", null, ChargeCategory.MANUAL, ChargeContext.NONE)));
                }
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        threads.shutdown();
        return total / ((System.nanoTime() - start) / 1e9);
    }

    private static long percentile(long[] sorted, int p) {
        return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p / 100.0 * sorted.length) - 1)];
    }
}
