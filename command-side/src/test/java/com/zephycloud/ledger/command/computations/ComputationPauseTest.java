package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.computations.ComputationFinished;
import com.zephycloud.ledger.kernel.events.computations.ComputationKilled;
import com.zephycloud.ledger.kernel.events.computations.ComputationLogsAppended;
import com.zephycloud.ledger.kernel.events.computations.ComputationPaused;
import com.zephycloud.ledger.kernel.events.computations.ComputationResumed;
import com.zephycloud.ledger.kernel.events.computations.ComputationSliceCharged;
import com.zephycloud.ledger.kernel.events.computations.ComputationStarted;
import com.zephycloud.ledger.kernel.events.computations.ComputationSubmitted;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pause and resume, and what they do to slice billing. The terms of {@link ComputationTest}: 2
 * machines, gold 1.2 per hour and machine, slice 0 lasts 300 s (0.2), every next one 500 s
 * (0.33333333). The job starts at T; slice 1 begins at T+300, slice 2 at T+800, slice 3 at T+1300.
 */
class ComputationPauseTest {

    private static final JobId JOB = JobId.of(54);
    private static final UserId USER = UserId.of(7);
    private static final String PROJECT = "marcel-project";
    private static final Instant SUBMITTED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T = Instant.parse("2026-11-23T10:01:00Z");

    private final InMemoryCreditAccounts accounts = new InMemoryCreditAccounts();
    private final AtomicLong nextTransaction = new AtomicLong(1001);
    private AggregateTestFixture<Computation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Computation.class);
        fixture.registerInjectableResource(accounts);
        fixture.registerInjectableResource((TransactionIdGenerator) () -> TransactionId.of(nextTransaction.incrementAndGet()));
        accounts.open(USER, Rank.GOLD, "10", false);
    }

    private static ComputationSubmitted submitted() {
        return new ComputationSubmitted(JOB, USER, PROJECT, Rank.GOLD, 143, "calc", "aws_eu", "c5.xlarge", 2, 4,
                Zephycoins.of("0.1"), TransactionId.of(1001), Zephycoins.of("1.2"), 500, 300,
                new BigDecimal("0.5"), "USD", 1, 60, SUBMITTED);
    }

    /** Slice {@code n} charged by {@code transaction}, its bounds in seconds after T on the wall clock. */
    private static ComputationSliceCharged charged(int n, long transaction, long fromSecond, long toSecond) {
        long seconds = toSecond - fromSecond;
        return new ComputationSliceCharged(JOB, USER, PROJECT, n, TransactionId.of(transaction),
                T.plusSeconds(fromSecond), T.plusSeconds(toSecond), 2,
                Zephycoins.of(n == 0 ? "0.2" : "0.33333333"), BigDecimal.valueOf(seconds * 2 * 4),
                new BigDecimal("0.5"), "USD", 1, 60, new BigDecimal(n == 0 ? "0.08333333" : "0.13888889"));
    }

    /** Submitted, started at T, slice 0 paid. */
    private static List<Object> runningWithSlice0() {
        return new ArrayList<>(List.of(submitted(), new ComputationStarted(JOB, T), charged(0, 1002, 0, 300)));
    }

    private static List<Object> pausedAt(long second, int nextSlice) {
        List<Object> history = runningWithSlice0();
        history.add(new ComputationPaused(JOB, "maintenance", T.plusSeconds(second), nextSlice));
        return history;
    }

    @Test
    void aRunningJobIsPausedWithoutAnyCharge() {
        fixture.given(runningWithSlice0())
                .when(new PauseComputation(JOB, "maintenance", T.plusSeconds(150)))
                .expectResultMessagePayload(ComputationStatus.PAUSED)
                .expectEvents(new ComputationPaused(JOB, "maintenance", T.plusSeconds(150), 1));
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void aPauseChargesTheSlicesThatBeganBeforeItAndBillingHadNotChargedYet() {
        fixture.given(runningWithSlice0())
                .when(new PauseComputation(JOB, "maintenance", T.plusSeconds(900)))
                .expectResultMessagePayload(ComputationStatus.PAUSED)
                .expectEvents(charged(1, 1002, 300, 800), charged(2, 1003, 800, 1300),
                        new ComputationPaused(JOB, "maintenance", T.plusSeconds(900), 3));
        assertThat(accounts.consumed).extracting(ConsumeCredit::amount)
                .containsExactly(Zephycoins.of("0.33333333"), Zephycoins.of("0.33333333"));
    }

    @Test
    void aSliceBeginningAtTheInstantOfThePauseIsNotCharged() {
        fixture.given(runningWithSlice0())
                .when(new PauseComputation(JOB, null, T.plusSeconds(300)))
                .expectEvents(new ComputationPaused(JOB, null, T.plusSeconds(300), 1));
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void aPauseThatCannotPayABegunSliceKillsTheJobAtThatSliceInstead() {
        accounts.open(USER, Rank.GOLD, "0.3", false);
        fixture.given(runningWithSlice0())
                .when(new PauseComputation(JOB, "maintenance", T.plusSeconds(400)))
                .expectResultMessagePayload(ComputationStatus.KILLED)
                .expectEvents(new ComputationKilled(JOB, "unpaid: slice 1 could not be charged, the balance is 0.3"
                        + " zephycoins, the slice costs 0.33333333", true, T.plusSeconds(300)));
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void aPausedJobIsNotCharged() {
        fixture.given(pausedAt(150, 1))
                .when(new ChargeSlice(JOB, 1, T.plusSeconds(5000)))
                .expectResultMessagePayload(SliceOutcome.PAUSED)
                .expectNoEvents();
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void aResumeMovesTheNextSliceByTheTimePausedAndTheUnusedPaidSecondsRunFirst() {
        // paused at T+150 with slice 0 paid until running second 300: 150 s of it are left
        fixture.given(pausedAt(150, 1))
                .when(new ResumeComputation(JOB, T.plusSeconds(1150)))
                .expectResultMessagePayload(T.plusSeconds(1300))
                .expectEvents(new ComputationResumed(JOB, T.plusSeconds(150), T.plusSeconds(1150), 1,
                        T.plusSeconds(1300)));
        List<Object> resumed = pausedAt(150, 1);
        resumed.add(new ComputationResumed(JOB, T.plusSeconds(150), T.plusSeconds(1150), 1, T.plusSeconds(1300)));
        fixture.given(resumed)
                .when(new ChargeSlice(JOB, 1, T.plusSeconds(1299)))
                .expectResultMessagePayload(SliceOutcome.NOT_DUE)
                .expectNoEvents();
        fixture.given(resumed)
                .when(new ChargeSlice(JOB, 1, T.plusSeconds(1300)))
                .expectResultMessagePayload(SliceOutcome.CHARGED)
                .expectEvents(charged(1, 1002, 1300, 1800));
    }

    /** The worked example of docs/computations.md: 1500 s running with a pause of 1500 s pay as 1500 s running. */
    @Test
    void aJobPausedMidSlicePaysWhatTheSameRunningTimeWithoutPausePays() {
        List<Object> history = runningWithSlice0();
        history.add(charged(1, 1003, 300, 800));
        fixture.given(history)
                .when(new PauseComputation(JOB, "spot capacity reclaimed", T.plusSeconds(500)))
                .expectEvents(new ComputationPaused(JOB, "spot capacity reclaimed", T.plusSeconds(500), 2));
        history.add(new ComputationPaused(JOB, "spot capacity reclaimed", T.plusSeconds(500), 2));
        fixture.given(history)
                .when(new ResumeComputation(JOB, T.plusSeconds(2000)))
                .expectResultMessagePayload(T.plusSeconds(2300));
        history.add(new ComputationResumed(JOB, T.plusSeconds(500), T.plusSeconds(2000), 2, T.plusSeconds(2300)));
        long[][] slices = {{2, 2300, 2800, 1002}, {3, 2800, 3300, 1003}};
        for (long[] slice : slices) {
            ComputationSliceCharged expected = charged((int) slice[0], slice[3], slice[1], slice[2]);
            fixture.given(history)
                    .when(new ChargeSlice(JOB, slice[0], T.plusSeconds(slice[1])))
                    .expectEvents(expected);
            history.add(expected);
        }
        fixture.given(history)
                .when(new FinishComputation(JOB, T.plusSeconds(3000)))
                .expectEvents(new ComputationFinished(JOB, T.plusSeconds(3000)));
        // slices 2 and 3 after the resume; with 0 and 1 before it, the 4 slices of 1500 s running
        assertThat(accounts.consumed).extracting(ConsumeCredit::amount)
                .containsExactly(Zephycoins.of("0.33333333"), Zephycoins.of("0.33333333"));
        SlicePlan terms = new SlicePlan(Zephycoins.of("1.2"), 300, 500, 2, 4, new BigDecimal("0.5"), 60, 1);
        assertThat(terms.slicesFor(Duration.ofSeconds(1500))).isEqualTo(4);
        assertThat(terms.priceOf(Duration.ofSeconds(1500))).isEqualTo(Zephycoins.of("1.19999999"));
    }

    @Test
    void pausesAddUp() {
        List<Object> history = pausedAt(150, 1);
        history.add(new ComputationResumed(JOB, T.plusSeconds(150), T.plusSeconds(1150), 1, T.plusSeconds(1300)));
        history.add(new ComputationPaused(JOB, "again", T.plusSeconds(1200), 1));
        fixture.given(history)
                .when(new ResumeComputation(JOB, T.plusSeconds(2200)))
                .expectEvents(new ComputationResumed(JOB, T.plusSeconds(1200), T.plusSeconds(2200), 1,
                        T.plusSeconds(2300)));
    }

    @Test
    void aResumeDatedBeforeThePauseResumesAtThePause() {
        fixture.given(pausedAt(150, 1))
                .when(new ResumeComputation(JOB, T.plusSeconds(149)))
                .expectEvents(new ComputationResumed(JOB, T.plusSeconds(150), T.plusSeconds(150), 1,
                        T.plusSeconds(300)));
    }

    @Test
    void onlyARunningJobIsPaused() {
        fixture.given(submitted())
                .when(new PauseComputation(JOB, null, T))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("job 54 is pending: cannot pause it (allowed when running)")
                .expectNoEvents();
        fixture.given(pausedAt(150, 1))
                .when(new PauseComputation(JOB, null, T.plusSeconds(200)))
                .expectExceptionMessage("job 54 is paused: cannot pause it (allowed when running)")
                .expectNoEvents();
        List<Object> finished = runningWithSlice0();
        finished.add(new ComputationFinished(JOB, T.plusSeconds(200)));
        fixture.given(finished)
                .when(new PauseComputation(JOB, null, T.plusSeconds(250)))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void onlyAPausedJobIsResumed() {
        fixture.given(runningWithSlice0())
                .when(new ResumeComputation(JOB, T.plusSeconds(200)))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("job 54 is running: cannot resume it (allowed when paused)")
                .expectNoEvents();
        fixture.given(submitted())
                .when(new ResumeComputation(JOB, T))
                .expectExceptionMessage("job 54 is pending: cannot resume it (allowed when paused)")
                .expectNoEvents();
    }

    @Test
    void aPausedJobFinishesWithoutAnotherCharge() {
        List<Object> history = pausedAt(150, 1);
        fixture.given(history)
                .when(new FinishComputation(JOB, T.plusSeconds(5000)))
                .expectEvents(new ComputationFinished(JOB, T.plusSeconds(5000)));
        history.add(new ComputationFinished(JOB, T.plusSeconds(5000)));
        fixture.given(history)
                .when(new ChargeSlice(JOB, 1, T.plusSeconds(5000)))
                .expectResultMessagePayload(SliceOutcome.NOT_RUNNING)
                .expectNoEvents();
        fixture.given(history)
                .when(new ResumeComputation(JOB, T.plusSeconds(5001)))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void aPausedJobCanBeKilledButNotCanceled() {
        fixture.given(pausedAt(150, 1))
                .when(new KillComputation(JOB, "killed by an admin", T.plusSeconds(400)))
                .expectEvents(new ComputationKilled(JOB, "killed by an admin", false, T.plusSeconds(400)));
        fixture.given(pausedAt(150, 1))
                .when(new CancelComputation(JOB, "changed mind", T.plusSeconds(400)))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("job 54 is paused: cannot cancel it (allowed when pending or launching)")
                .expectNoEvents();
    }

    @Test
    void aPausedJobTakesLogsButNoProgress() {
        fixture.given(pausedAt(150, 1))
                .when(new AppendLogs(JOB, "checkpoint written\n"))
                .expectEvents(new ComputationLogsAppended(JOB, "checkpoint written\n"));
        fixture.given(pausedAt(150, 1))
                .when(new ReportProgress(JOB, new BigDecimal("0.5")))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }
}
