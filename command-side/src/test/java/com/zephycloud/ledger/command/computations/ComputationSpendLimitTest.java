package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.computations.ComputationKilled;
import com.zephycloud.ledger.kernel.events.computations.ComputationStarted;
import com.zephycloud.ledger.kernel.events.computations.ComputationSubmitted;
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

/** A computation whose next slice would exceed the user's monthly spend limit is killed as an unpaid one. */
class ComputationSpendLimitTest {

    private static final JobId JOB = JobId.of(54);
    private static final UserId USER = UserId.of(7);
    private static final Instant SUBMITTED = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T = Instant.parse("2026-11-23T10:01:00Z");
    private static final MachineOffer OFFER = new MachineOffer(143, "calc", Zephycoins.of("0.1"), 4,
            "aws_eu", "c5.xlarge", true, 4,
            Map.of(Rank.GOLD, Zephycoins.of("1.2"), Rank.BRONZE, Zephycoins.of("2.4")),
            500, 300, new BigDecimal("0.5"), "USD", 1, 60);

    /** One account with a balance of 10, a limit and a month's spend the test sets. */
    private final class LimitedAccount implements CreditAccounts {
        Zephycoins limit;
        Zephycoins spent = Zephycoins.ZERO;
        final List<ConsumeCredit> consumed = new ArrayList<>();

        @Override
        public AccountStanding standing(UserId userId) {
            return new AccountStanding(Rank.GOLD, Zephycoins.of("10"), false, limit, spent);
        }

        @Override
        public Zephycoins consume(ConsumeCredit consumption) {
            consumed.add(consumption);
            spent = spent.plus(consumption.amount());
            return Zephycoins.of("10").minus(spent);
        }
    }

    private final LimitedAccount account = new LimitedAccount();
    private final AtomicLong nextTransaction = new AtomicLong(1000);
    private AggregateTestFixture<Computation> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Computation.class);
        fixture.registerInjectableResource(account);
        fixture.registerInjectableResource((TransactionIdGenerator) () -> TransactionId.of(nextTransaction.incrementAndGet()));
    }

    private static ComputationSubmitted submitted() {
        return new ComputationSubmitted(JOB, USER, "marcel-project", Rank.GOLD, 143, "calc", "aws_eu", "c5.xlarge", 2,
                4, Zephycoins.of("0.1"), TransactionId.of(1001), Zephycoins.of("1.2"), 500, 300,
                new BigDecimal("0.5"), "USD", 1, 60, SUBMITTED);
    }

    @Test
    void aSliceOverTheMonthlySpendLimitKillsTheComputationAtTheSliceStart() {
        account.limit = Zephycoins.of("5");
        account.spent = Zephycoins.of("4.80000001");
        fixture.given(submitted(), new ComputationStarted(JOB, T))
                .when(new ChargeSlice(JOB, 0, T.plusSeconds(1)))
                .expectResultMessagePayload(SliceOutcome.KILLED)
                .expectEvents(new ComputationKilled(JOB, "unpaid: slice 0 could not be charged, monthly spend limit"
                        + " exceeded: the limit is 5 zephycoins per UTC calendar month, 4.80000001 were spent in 2026-11,"
                        + " 0.2 were asked; raise or clear the limit with admin/user/limits/set (monthly_spend_limit),"
                        + " or wait until 2026-12-01T00:00:00Z", true, T));
        assertThat(account.consumed).isEmpty();
    }

    @Test
    void aSliceEndingExactlyAtTheLimitIsCharged() {
        account.limit = Zephycoins.of("5");
        account.spent = Zephycoins.of("4.8");
        fixture.given(submitted(), new ComputationStarted(JOB, T))
                .when(new ChargeSlice(JOB, 0, T.plusSeconds(1)))
                .expectResultMessagePayload(SliceOutcome.CHARGED);
        assertThat(account.consumed).hasSize(1);
    }

    @Test
    void aSubmissionWhoseFixedPriceAndFirstSliceExceedTheLimitIsRefused() {
        account.limit = Zephycoins.of("0.29999999");
        fixture.givenNoPriorActivity()
                .when(new SubmitComputation(JOB, USER, "marcel-project", 2, OFFER, SUBMITTED))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("monthly spend limit exceeded: the limit is 0.29999999 zephycoins per UTC"
                        + " calendar month, 0 were spent in 2026-11, 0.3 were asked; raise or clear the limit with"
                        + " admin/user/limits/set (monthly_spend_limit), or wait until 2026-12-01T00:00:00Z")
                .expectNoEvents();
        assertThat(account.consumed).isEmpty();
    }
}
