package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.MonthlySpend;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.BalanceRestored;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.ledger.LowBalanceReached;
import com.zephycloud.ledger.kernel.events.ledger.LowBalanceThresholdChanged;
import com.zephycloud.ledger.kernel.events.ledger.MonthlySpendLimitChanged;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import com.zephycloud.ledger.kernel.events.users.UserRemoved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.YearMonth;

/** The monthly spend limit and the low-balance threshold of {@link UserAccount}. */
class UserAccountLimitsTest {

    private static final UserId USER = UserId.of(7);
    private static final TransactionId CREDIT = TransactionId.of(1);
    private static final TransactionId T2 = TransactionId.of(2);
    private static final TransactionId T3 = TransactionId.of(3);
    private static final TransactionId T4 = TransactionId.of(4);
    private static final Instant MARCH_10 = Instant.parse("2026-03-10T12:00:00Z");
    private static final Instant MARCH_31_LAST = Instant.parse("2026-03-31T23:59:59.999Z");
    private static final Instant APRIL_1 = Instant.parse("2026-04-01T00:00:00Z");
    private static final ChargeContext NONE = ChargeContext.NONE;

    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
    }

    private static Zephycoins coins(String value) {
        return Zephycoins.of(value);
    }

    private static Object[] credited(String amount) {
        return new Object[]{new UserRegistered(USER, "marcel", "marcel@example.com", "hash", Rank.GOLD),
                new CreditAdded(USER, CREDIT, coins(amount), "welcome", coins(amount))};
    }

    private static ConsumeCredit consume(TransactionId id, String amount) {
        return new ConsumeCredit(USER, id, coins(amount), "render", null, ChargeCategory.MANUAL, NONE);
    }

    private static CreditConsumed consumed(TransactionId id, String amount, String after) {
        return new CreditConsumed(USER, id, coins(amount), "render", null, ChargeCategory.MANUAL, NONE, coins(after));
    }

    private static SetAccountLimits limit(String limit) {
        return new SetAccountLimits(USER, LimitSetting.to(coins(limit)), LimitSetting.UNCHANGED);
    }

    private static SetAccountLimits threshold(String threshold) {
        return new SetAccountLimits(USER, LimitSetting.UNCHANGED, LimitSetting.to(coins(threshold)));
    }

    @Test
    void settingBothLimitsStoresEachChangeAndAnswersTheLimits() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100"))
                .when(new SetAccountLimits(USER, LimitSetting.to(coins("50")), LimitSetting.to(coins("10"))))
                .expectEvents(new MonthlySpendLimitChanged(USER, null, coins("50")),
                        new LowBalanceThresholdChanged(USER, null, coins("10")))
                .expectResultMessagePayload(new AccountLimits(coins("50"), coins("10"), MonthlySpend.NONE, false));
    }

    @Test
    void settingALimitToItsCurrentValueStoresNothing() {
        fixture.given(credited("100")).andGiven(new MonthlySpendLimitChanged(USER, null, coins("50")))
                .when(limit("50.000"))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void clearingALimitRecordsThePreviousOne() {
        fixture.given(credited("100")).andGiven(new MonthlySpendLimitChanged(USER, null, coins("50")))
                .when(new SetAccountLimits(USER, LimitSetting.CLEARED, LimitSetting.UNCHANGED))
                .expectEvents(new MonthlySpendLimitChanged(USER, coins("50"), null));
    }

    @Test
    void aNegativeLimitIsRefused() {
        fixture.given(credited("100"))
                .when(limit("-1"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("monthly_spend_limit must be zero or more zephycoins, got -1; give an empty"
                        + " value to clear it")
                .expectNoEvents();
    }

    @Test
    void aThresholdOfZeroIsRefused() {
        fixture.given(credited("100"))
                .when(threshold("0"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedUserCannotHaveItsLimitsChanged() {
        fixture.given(credited("100")).andGiven(new UserRemoved(USER))
                .when(limit("10"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aConsumptionThatWouldTakeTheMonthsSpendAboveTheLimitIsRefused() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100"))
                .andGiven(new MonthlySpendLimitChanged(USER, null, coins("50")), consumed(T2, "45.5", "54.5"))
                .when(consume(T3, "5"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("monthly spend limit exceeded: the limit is 50 zephycoins per UTC calendar"
                        + " month, 45.5 were spent in 2026-03, 5 were asked; raise or clear the limit with"
                        + " admin/user/limits/set (monthly_spend_limit), or wait until 2026-04-01T00:00:00Z")
                .expectNoEvents();
    }

    @Test
    void aConsumptionEndingExactlyAtTheLimitPasses() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100"))
                .andGiven(new MonthlySpendLimitChanged(USER, null, coins("50")), consumed(T2, "45.5", "54.5"))
                .when(consume(T3, "4.5"))
                .expectEvents(consumed(T3, "4.5", "50"));
    }

    @Test
    void aLimitOfZeroStopsEveryCharge() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100"))
                .andGiven(new MonthlySpendLimitChanged(USER, null, coins("0")))
                .when(consume(T2, "0.00000001"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void theSpendOfAnEarlierMonthDoesNotCountInTheNext() {
        fixture.givenCurrentTime(MARCH_31_LAST).andGiven(credited("100"))
                .andGiven(new MonthlySpendLimitChanged(USER, null, coins("50")), consumed(T2, "50", "50"))
                .andGivenCurrentTime(APRIL_1)
                .when(consume(T3, "50"))
                .expectEvents(consumed(T3, "50", "0"));
    }

    @Test
    void aLimitSetAfterTheChargesCountsTheChargesAlreadyMadeThisMonth() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100")).andGiven(consumed(T2, "30", "70"))
                .when(limit("20"))
                .expectResultMessagePayload(new AccountLimits(coins("20"), null,
                        new MonthlySpend(YearMonth.of(2026, 3), coins("30")), false));
    }

    @Test
    void aChargeCanceledThisMonthIsNoLongerSpent() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100"))
                .andGiven(new MonthlySpendLimitChanged(USER, null, coins("50")), consumed(T2, "50", "50"),
                        new TransactionCanceled(USER, T3, T2, coins("20"), "billing error", ChargeCategory.MANUAL,
                                NONE, coins("70")))
                .when(consume(T4, "20"))
                .expectEvents(consumed(T4, "20", "50"));
    }

    @Test
    void givingBackAnEarlierMonthsChargeMakesNoRoomBeyondThisMonthsOwnCharges() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100"))
                .andGiven(new MonthlySpendLimitChanged(USER, null, coins("10")), consumed(T2, "10", "90"))
                .andGivenCurrentTime(APRIL_1)
                .andGiven(new TransactionCanceled(USER, T3, T2, coins("10"), "billing error", ChargeCategory.MANUAL,
                        NONE, coins("100")))
                .when(consume(T4, "10.00000001"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void creditTakenBackByAnAdminIsNotSpending() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100"))
                .andGiven(new MonthlySpendLimitChanged(USER, null, coins("10")),
                        new CreditRemoved(USER, T2, coins("60"), "refund", coins("40")))
                .when(consume(T3, "10"))
                .expectEvents(consumed(T3, "10", "30"));
    }

    @Test
    void insufficientCreditIsReportedBeforeTheLimit() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("5"))
                .andGiven(new MonthlySpendLimitChanged(USER, null, coins("1")))
                .when(consume(T2, "6"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("insufficient credit: the balance is 5 zephycoins, 6 were asked");
    }

    @Test
    void crossingTheThresholdDownwardStoresOneLowBalanceReached() {
        fixture.given(credited("100")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")))
                .when(consume(T2, "90.00000001"))
                .expectEvents(consumed(T2, "90.00000001", "9.99999999"),
                        new LowBalanceReached(USER, coins("10"), coins("9.99999999"), T2));
    }

    @Test
    void reachingExactlyTheThresholdIsNotLow() {
        fixture.given(credited("100")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")))
                .when(consume(T2, "90"))
                .expectEvents(consumed(T2, "90", "10"));
    }

    @Test
    void spendingFurtherBelowTheThresholdStoresNoSecondEvent() {
        fixture.given(credited("100")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")),
                        consumed(T2, "95", "5"), new LowBalanceReached(USER, coins("10"), coins("5"), T2))
                .when(consume(T3, "1"))
                .expectEvents(consumed(T3, "1", "4"));
    }

    @Test
    void creditBackToTheThresholdStoresOneBalanceRestored() {
        fixture.given(credited("100")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")),
                        consumed(T2, "95", "5"), new LowBalanceReached(USER, coins("10"), coins("5"), T2))
                .when(new AddCredit(USER, T3, coins("5"), "top up"))
                .expectEvents(new CreditAdded(USER, T3, coins("5"), "top up", coins("10")),
                        new BalanceRestored(USER, coins("10"), coins("10"), T3));
    }

    @Test
    void creditThatLeavesTheBalanceBelowTheThresholdRestoresNothing() {
        fixture.given(credited("100")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")),
                        consumed(T2, "95", "5"), new LowBalanceReached(USER, coins("10"), coins("5"), T2))
                .when(new AddCredit(USER, T3, coins("4.99999999"), "top up"))
                .expectEvents(new CreditAdded(USER, T3, coins("4.99999999"), "top up", coins("9.99999999")));
    }

    @Test
    void creditAboveTheThresholdOnABalanceThatWasNeverLowRestoresNothing() {
        fixture.given(credited("100")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")))
                .when(new AddCredit(USER, T2, coins("1"), "top up"))
                .expectEvents(new CreditAdded(USER, T2, coins("1"), "top up", coins("101")));
    }

    @Test
    void creditTakenBackBelowTheThresholdReachesIt() {
        fixture.given(credited("100")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")))
                .when(new RemoveCredit(USER, T2, coins("95"), "mistake"))
                .expectEvents(new CreditRemoved(USER, T2, coins("95"), "mistake", coins("5")),
                        new LowBalanceReached(USER, coins("10"), coins("5"), T2));
    }

    @Test
    void aThresholdSetAboveTheBalanceIsReachedAtOnce() {
        fixture.given(credited("5"))
                .when(threshold("10"))
                .expectEvents(new LowBalanceThresholdChanged(USER, null, coins("10")),
                        new LowBalanceReached(USER, coins("10"), coins("5"), null));
    }

    @Test
    void aThresholdLoweredToTheBalanceRestoresIt() {
        fixture.given(credited("5")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")),
                        new LowBalanceReached(USER, coins("10"), coins("5"), null))
                .when(threshold("5"))
                .expectEvents(new LowBalanceThresholdChanged(USER, coins("10"), coins("5")),
                        new BalanceRestored(USER, coins("5"), coins("5"), null));
    }

    @Test
    void clearingTheThresholdOfALowBalanceEndsTheWatchWithoutARestoration() {
        fixture.given(credited("5")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")),
                        new LowBalanceReached(USER, coins("10"), coins("5"), null))
                .andGivenCommands(new SetAccountLimits(USER, LimitSetting.UNCHANGED, LimitSetting.CLEARED))
                .when(new AddCredit(USER, T2, coins("100"), "top up"))
                .expectEvents(new CreditAdded(USER, T2, coins("100"), "top up", coins("105")));
    }

    @Test
    void aSecondCrossingAfterARestorationIsReachedAgain() {
        fixture.given(credited("100")).andGiven(new LowBalanceThresholdChanged(USER, null, coins("10")),
                        consumed(T2, "95", "5"), new LowBalanceReached(USER, coins("10"), coins("5"), T2),
                        new CreditAdded(USER, T3, coins("10"), "top up", coins("15")),
                        new BalanceRestored(USER, coins("10"), coins("15"), T3))
                .when(consume(T4, "6"))
                .expectEvents(consumed(T4, "6", "9"), new LowBalanceReached(USER, coins("10"), coins("9"), T4));
    }

    @Test
    void theSpendIsCountedFromTheEventsTimesWhenTheAccountIsRebuilt() {
        fixture.givenCurrentTime(MARCH_10).andGiven(credited("100")).andGiven(consumed(T2, "30", "70"))
                .andGivenCurrentTime(APRIL_1).andGiven(consumed(T3, "5", "65"))
                .when(limit("20"))
                .expectResultMessagePayload(new AccountLimits(coins("20"), null,
                        new MonthlySpend(YearMonth.of(2026, 4), coins("5")), false));
    }
}
