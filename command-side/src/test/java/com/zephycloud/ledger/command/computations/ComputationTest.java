package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.computations.ComputationFinished;
import com.zephycloud.ledger.kernel.events.computations.ComputationKilled;
import com.zephycloud.ledger.kernel.events.computations.ComputationLaunching;
import com.zephycloud.ledger.kernel.events.computations.ComputationProgressed;
import com.zephycloud.ledger.kernel.events.computations.ComputationSliceCharged;
import com.zephycloud.ledger.kernel.events.computations.ComputationStarted;
import com.zephycloud.ledger.kernel.events.computations.ComputationSubmitted;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The computation's lifecycle and slice billing with controlled time: every instant comes from
 * the commands. The offer: 2 machines of 4 cores, gold price 1.2 per hour and machine, first slice
 * 300 s then 500 s; provider cost 0.5 USD per hour, first 60 s then per second.
 */
class ComputationTest {

    private static final JobId JOB = JobId.of(54);
    private static final UserId USER = UserId.of(7);
    private static final String PROJECT = "marcel-project";
    private static final Instant SUBMITTED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T = Instant.parse("2026-11-23T10:01:00Z");
    private static final MachineOffer OFFER = new MachineOffer(143, "calc", Zephycoins.of("0.1"), 4,
            "aws_eu", "c5.xlarge", true, 4,
            Map.of(Rank.GOLD, Zephycoins.of("1.2"), Rank.BRONZE, Zephycoins.of("2.4")),
            500, 300, new BigDecimal("0.5"), "USD", 1, 60);

    private final InMemoryCreditAccounts accounts = new InMemoryCreditAccounts();
    private final AtomicLong nextTransaction = new AtomicLong(1000);
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

    private static ComputationSliceCharged charged(int n, long transaction, long fromSecond, long toSecond,
                                                   String amount, String providerCost) {
        return new ComputationSliceCharged(JOB, USER, PROJECT, n, TransactionId.of(transaction),
                T.plusSeconds(fromSecond), T.plusSeconds(toSecond), 2, Zephycoins.of(amount),
                BigDecimal.valueOf((toSecond - fromSecond) * 2 * 4), new BigDecimal("0.5"), "USD", 1, 60,
                new BigDecimal(providerCost));
    }

    @Test
    void submittingChargesTheFixedPriceAndKeepsTheRankPricesAndCosts() {
        fixture.givenNoPriorActivity()
                .when(new SubmitComputation(JOB, USER, PROJECT, 2, OFFER, SUBMITTED))
                .expectSuccessfulHandlerExecution()
                .expectEvents(submitted());
        assertThat(accounts.consumed).containsExactly(new ConsumeCredit(USER, TransactionId.of(1001),
                Zephycoins.of("0.1"), "fixed price of toolchain calc (job 54)", null, ChargeCategory.FIXED_PRICE,
                new ChargeContext(PROJECT, 54L, null, null, null, null, null)));
    }

    @Test
    void submissionOfAMachineNotAllowedForTheToolchainIsRefused() {
        MachineOffer notAllowed = new MachineOffer(143, "calc", Zephycoins.of("0.1"), 4, "aws_eu", "c5.xlarge",
                false, 4, OFFER.pricesPerHour(), 500, 300, new BigDecimal("0.5"), "USD", 1, 60);
        fixture.givenNoPriorActivity()
                .when(new SubmitComputation(JOB, USER, PROJECT, 1, notAllowed, SUBMITTED))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("machine c5.xlarge of provider aws_eu is not allowed for toolchain calc")
                .expectNoEvents();
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void submissionOfMoreMachinesThanTheMachineLimitIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitComputation(JOB, USER, PROJECT, 5, OFFER, SUBMITTED))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void submissionForAnUnknownUserIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new SubmitComputation(JOB, UserId.of(999), PROJECT, 1, OFFER, SUBMITTED))
                .expectException(AggregateNotFoundException.class)
                .expectNoEvents();
    }

    @Test
    void submissionForADeletedUserIsRefused() {
        accounts.open(USER, Rank.GOLD, "10", true);
        fixture.givenNoPriorActivity()
                .when(new SubmitComputation(JOB, USER, PROJECT, 1, OFFER, SUBMITTED))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void submissionIsRefusedWhenTheFixedPriceAndFirstSliceCannotBePaid() {
        // fixed price 0.1 + first slice 1.2 × 300 / 3600 × 2 = 0.2 -> 0.3 needed
        accounts.open(USER, Rank.GOLD, "0.29999999", false);
        fixture.givenNoPriorActivity()
                .when(new SubmitComputation(JOB, USER, PROJECT, 2, OFFER, SUBMITTED))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("insufficient credit: the balance is 0.29999999 zephycoins, the fixed price"
                        + " (0.1) and the first slice (0.2) need 0.3")
                .expectNoEvents();
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void aPendingComputationLaunchesThenStarts() {
        fixture.given(submitted())
                .when(new LaunchComputation(JOB, T.minusSeconds(30)))
                .expectEvents(new ComputationLaunching(JOB, T.minusSeconds(30)));
        fixture.given(submitted(), new ComputationLaunching(JOB, T.minusSeconds(30)))
                .when(new StartComputation(JOB, T, T.plusSeconds(2)))
                .expectEvents(new ComputationStarted(JOB, T));
    }

    @Test
    void startingInTheFutureIsRefused() {
        fixture.given(submitted())
                .when(new StartComputation(JOB, T.plusSeconds(10), T))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void finishingAPendingComputationIsRefused() {
        fixture.given(submitted())
                .when(new FinishComputation(JOB, T))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("job 54 is pending: cannot finish it (allowed when running or paused)")
                .expectNoEvents();
    }

    @Test
    void killingAFinishedComputationIsRefused() {
        fixture.given(submitted(), new ComputationStarted(JOB, T), new ComputationFinished(JOB, T.plusSeconds(10)))
                .when(new KillComputation(JOB, "killed by an admin", T.plusSeconds(20)))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void progressOutsideZeroToOneIsRefused() {
        fixture.given(submitted(), new ComputationStarted(JOB, T))
                .when(new ReportProgress(JOB, new BigDecimal("1.01")))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
        fixture.given(submitted(), new ComputationStarted(JOB, T))
                .when(new ReportProgress(JOB, new BigDecimal("0.42")))
                .expectEvents(new ComputationProgressed(JOB, new BigDecimal("0.42")));
    }

    @Test
    void theFirstSliceIsChargedAheadAtTheStart() {
        fixture.given(submitted(), new ComputationStarted(JOB, T))
                .when(new ChargeSlice(JOB, 0, T))
                .expectResultMessagePayload(SliceOutcome.CHARGED)
                .expectEvents(charged(0, 1001, 0, 300, "0.2", "0.08333333"));
        assertThat(accounts.consumed).singleElement().satisfies(charge -> {
            assertThat(charge.category()).isEqualTo(ChargeCategory.COMPUTATION);
            assertThat(charge.context()).isEqualTo(new ChargeContext(PROJECT, 54L, T, T.plusSeconds(300),
                    BigDecimal.valueOf(2400), null, null));
        });
    }

    @Test
    void aSliceIsNotChargedBeforeItsStart() {
        fixture.given(submitted(), new ComputationStarted(JOB, T), charged(0, 1001, 0, 300, "0.2", "0.08333333"))
                .when(new ChargeSlice(JOB, 1, T.plusSeconds(299)))
                .expectResultMessagePayload(SliceOutcome.NOT_DUE)
                .expectNoEvents();
    }

    @Test
    void aSliceAlreadyChargedIsNeverChargedAgain() {
        fixture.given(submitted(), new ComputationStarted(JOB, T), charged(0, 1001, 0, 300, "0.2", "0.08333333"))
                .when(new ChargeSlice(JOB, 0, T.plusSeconds(400)))
                .expectResultMessagePayload(SliceOutcome.ALREADY_CHARGED)
                .expectNoEvents();
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void aComputationWhoseUserCannotPayTheNextSliceIsKilledAtTheSliceBoundary() {
        accounts.open(USER, Rank.GOLD, "0.33333332", false);
        fixture.given(submitted(), new ComputationStarted(JOB, T), charged(0, 1001, 0, 300, "0.2", "0.08333333"))
                .when(new ChargeSlice(JOB, 1, T.plusSeconds(302)))
                .expectResultMessagePayload(SliceOutcome.KILLED)
                .expectEvents(new ComputationKilled(JOB, "unpaid: slice 1 could not be charged, the balance is"
                        + " 0.33333332 zephycoins, the slice costs 0.33333333", true, T.plusSeconds(300)));
        assertThat(accounts.consumed).isEmpty();
        assertThat(accounts.balance(USER)).isEqualTo(Zephycoins.of("0.33333332"));
    }

    @Test
    void aComputationKilledMidSliceIsNotChargedAnyMore() {
        fixture.given(submitted(), new ComputationStarted(JOB, T), charged(0, 1001, 0, 300, "0.2", "0.08333333"))
                .andGivenCommands(new KillComputation(JOB, "killed by an admin", T.plusSeconds(150)))
                .when(new ChargeSlice(JOB, 1, T.plusSeconds(300)))
                .expectResultMessagePayload(SliceOutcome.NOT_RUNNING)
                .expectNoEvents();
        assertThat(accounts.consumed).isEmpty();
    }

    @Test
    void twoMachinesRunning3700SecondsPayEightSlicesAtTheirBoundaries() {
        List<Object> history = new ArrayList<>(List.of(submitted(), new ComputationStarted(JOB, T)));
        long[] starts = {0, 300, 800, 1300, 1800, 2300, 2800, 3300};
        for (int n = 0; n < starts.length; n++) {
            long end = n == 0 ? 300 : starts[n] + 500;
            ComputationSliceCharged expected = n == 0
                    ? charged(0, 1001 + n, 0, 300, "0.2", "0.08333333")
                    : charged(n, 1001 + n, starts[n], end, "0.33333333", "0.13888889");
            fixture.given(history)
                    .when(new ChargeSlice(JOB, n, T.plusSeconds(starts[n])))
                    .expectResultMessagePayload(SliceOutcome.CHARGED)
                    .expectEvents(expected);
            history.add(expected);
        }
        fixture.given(history)
                .when(new FinishComputation(JOB, T.plusSeconds(3700)))
                .expectEvents(new ComputationFinished(JOB, T.plusSeconds(3700)));
        history.add(new ComputationFinished(JOB, T.plusSeconds(3700)));
        fixture.given(history)
                .when(new ChargeSlice(JOB, 8, T.plusSeconds(3800)))
                .expectResultMessagePayload(SliceOutcome.NOT_RUNNING)
                .expectNoEvents();

        assertThat(accounts.consumed).hasSize(8);
        assertThat(accounts.consumed).extracting(ConsumeCredit::transactionId)
                .containsExactly(TransactionId.of(1001), TransactionId.of(1002), TransactionId.of(1003),
                        TransactionId.of(1004), TransactionId.of(1005), TransactionId.of(1006), TransactionId.of(1007),
                        TransactionId.of(1008));
        assertThat(accounts.balance(USER)).isEqualTo(Zephycoins.of("10").minus(Zephycoins.of("2.53333331")));
    }
}
