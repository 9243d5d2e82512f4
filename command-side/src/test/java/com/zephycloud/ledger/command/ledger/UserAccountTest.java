package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.users.UserPasswordReset;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import com.zephycloud.ledger.kernel.events.users.UserRemoved;
import com.zephycloud.ledger.kernel.events.users.UserRestored;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

class UserAccountTest {

    private static final UserId USER = UserId.of(7);
    private static final TransactionId T1 = TransactionId.of(101);
    private static final TransactionId T2 = TransactionId.of(102);

    private final Set<String> takenLogins = new HashSet<>();
    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        fixture.registerInjectableResource((UserIdentities) (userId, login, email) -> {
            if (!takenLogins.add(login)) {
                throw new IllegalStateException("login '" + login + "' is already taken");
            }
        });
    }

    private static UserRegistered registered() {
        return new UserRegistered(USER, "marcel", "marcel@example.com", "hash", Rank.GOLD);
    }

    private static Zephycoins coins(String value) {
        return Zephycoins.of(value);
    }

    @Test
    void registeringWithInitialCoinsAddsThemAsATransaction() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER, "marcel", "marcel@example.com", "hash", Rank.GOLD, coins("10"), T1, "welcome"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")));
    }

    @Test
    void registeringWithoutCoinsStoresNoTransaction() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER, "marcel", "marcel@example.com", "hash", Rank.GOLD, null, null, null))
                .expectEvents(registered());
    }

    @Test
    void aLoginOutsideTheFormatIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER, "Marcel1", "marcel@example.com", "hash", Rank.GOLD, null, null, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void anInvalidEmailIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER, "marcel", "not-an-email", "hash", Rank.GOLD, null, null, null))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aTakenLoginIsRefused() {
        takenLogins.add("marcel");
        fixture.givenNoPriorActivity()
                .when(new RegisterUser(USER, "marcel", "marcel@example.com", "hash", Rank.GOLD, null, null, null))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("login 'marcel' is already taken")
                .expectNoEvents();
    }

    @Test
    void consumingLowersTheBalance() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")))
                .when(new ConsumeCredit(USER, T2, coins("2.5"), "analysis", "{}", ChargeCategory.MANUAL, ChargeContext.NONE))
                .expectResultMessagePayload(coins("7.5"))
                .expectEvents(new CreditConsumed(USER, T2, coins("2.5"), "analysis", "{}", ChargeCategory.MANUAL,
                        ChargeContext.NONE, coins("7.5")));
    }

    @Test
    void consumingTheWholeBalanceIsAllowed() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")))
                .when(new ConsumeCredit(USER, T2, coins("10"), "all", null, ChargeCategory.MANUAL, ChargeContext.NONE))
                .expectResultMessagePayload(coins("0"));
    }

    @Test
    void cannotConsumeMoreThanBalance() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")))
                .when(new ConsumeCredit(USER, T2, coins("10.00000001"), "too much", null, ChargeCategory.MANUAL,
                        ChargeContext.NONE))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("insufficient credit: the balance is 10 zephycoins, 10.00000001 were asked")
                .expectNoEvents();
    }

    @Test
    void cannotConsumeZero() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")))
                .when(new ConsumeCredit(USER, T2, coins("0"), "nothing", null, ChargeCategory.MANUAL, ChargeContext.NONE))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedUserCannotConsume() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")), new UserRemoved(USER))
                .when(new ConsumeCredit(USER, T2, coins("1"), "x", null, ChargeCategory.MANUAL, ChargeContext.NONE))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("user 7 is deleted: restore it first")
                .expectNoEvents();
    }

    @Test
    void addingCreditAnswersTheNewBalance() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")))
                .when(new AddCredit(USER, T2, coins("0.12345678"), "gift"))
                .expectResultMessagePayload(coins("10.12345678"))
                .expectEvents(new CreditAdded(USER, T2, coins("0.12345678"), "gift", coins("10.12345678")));
    }

    @Test
    void removingCreditAnswersTheNewBalance() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")))
                .when(new RemoveCredit(USER, T2, coins("2.5"), "credits removed"))
                .expectResultMessagePayload(coins("7.5"))
                .expectEvents(new CreditRemoved(USER, T2, coins("2.5"), "credits removed", coins("7.5")));
    }

    @Test
    void cannotRemoveMoreCreditThanTheBalance() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")))
                .when(new RemoveCredit(USER, T2, coins("10.00000001"), "credits removed"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("insufficient credit: the balance is 10 zephycoins, 10.00000001 were asked")
                .expectNoEvents();
    }

    @Test
    void removingTheWholeBalanceLeavesZero() {
        fixture.given(registered(), new CreditAdded(USER, T1, coins("10"), "welcome", coins("10")))
                .when(new RemoveCredit(USER, T2, coins("10"), "closing"))
                .expectResultMessagePayload(coins("0"))
                .expectEvents(new CreditRemoved(USER, T2, coins("10"), "closing", coins("0")));
    }

    @Test
    void aDeletedUserCannotReceiveCredit() {
        fixture.given(registered(), new UserRemoved(USER))
                .when(new AddCredit(USER, T2, coins("1"), "gift"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void removingTwiceIsRefused() {
        fixture.given(registered(), new UserRemoved(USER))
                .when(new RemoveUser(USER))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void restoringBringsTheUserBack() {
        fixture.given(registered(), new UserRemoved(USER))
                .when(new RestoreUser(USER))
                .expectEvents(new UserRestored(USER));
    }

    @Test
    void restoringAnActiveUserIsRefused() {
        fixture.given(registered())
                .when(new RestoreUser(USER))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void changingRankRecordsBothRanks() {
        fixture.given(registered())
                .when(new ChangeRank(USER, Rank.SILVER))
                .expectEvents(new UserRankChanged(USER, Rank.GOLD, Rank.SILVER));
    }

    @Test
    void changingToTheSameRankStoresNothing() {
        fixture.given(registered())
                .when(new ChangeRank(USER, Rank.GOLD))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void resettingThePasswordStoresOnlyTheNewHash() {
        fixture.given(registered())
                .when(new ResetPassword(USER, "new-hash"))
                .expectEvents(new UserPasswordReset(USER, "new-hash"));
    }
}
