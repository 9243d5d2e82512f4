package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.command.ledger.UserAccount;
import com.zephycloud.ledger.command.ledger.UserIdentities;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import com.zephycloud.ledger.kernel.events.users.UserRemoved;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The storage rule, and its charge on the account (given the account's events, when charged, expect...). */
class StorageChargeTest {

    private static final UserId USER = UserId.of(7);
    private static final TransactionId WELCOME = TransactionId.of(101);
    private static final TransactionId STORAGE = TransactionId.of(102);
    private static final LocalDate DAY = LocalDate.of(2026, 3, 14);
    private static final Zephycoins PRICE = Zephycoins.of("0.5");

    private AggregateTestFixture<UserAccount> account;

    @BeforeEach
    void setUp() {
        account = new AggregateTestFixture<>(UserAccount.class);
        account.registerInjectableResource((UserIdentities) (userId, login, email) -> {
        });
    }

    private static Object[] accountWith(String credit) {
        return new Object[]{new UserRegistered(USER, "marcel", "marcel@example.com", "hash", Rank.GOLD),
                new CreditAdded(USER, WELCOME, Zephycoins.of(credit), "welcome", Zephycoins.of(credit))};
    }

    @Test
    void aDayCostsThePricePerItemTimesTheItemsAliveThatDay() {
        StorageCharge charge = StorageCharge.of(DAY, 2, 3, PRICE);

        assertThat(charge.amount()).isEqualTo(Zephycoins.of("2.5"));
        assertThat(charge.isDue()).isTrue();
        assertThat(charge.description()).isEqualTo("Storage on 2026-03-14: 2 meshes, 3 calculations");
    }

    @Test
    void aDayWithoutItemsIsNotDue() {
        assertThat(StorageCharge.of(DAY, 0, 0, PRICE).isDue()).isFalse();
    }

    @Test
    void aDayAtAPriceOfZeroIsNotDue() {
        assertThat(StorageCharge.of(DAY, 4, 1, Zephycoins.of("0")).isDue()).isFalse();
    }

    @Test
    void theDayIsConsumedFromTheAccountWithItsCounts() {
        StorageCharge charge = StorageCharge.of(DAY, 2, 3, PRICE);

        account.given(accountWith("10"))
                .when(charge.consumption(USER, STORAGE))
                .expectResultMessagePayload(Zephycoins.of("7.5"))
                .expectEvents(new CreditConsumed(USER, STORAGE, Zephycoins.of("2.5"),
                        "Storage on 2026-03-14: 2 meshes, 3 calculations", null, ChargeCategory.STORAGE,
                        new ChargeContext(null, null, null, null, null, 3, 2), Zephycoins.of("7.5")));
    }

    @Test
    void aUserWhoCannotPayTheDayIsRefusedAndNothingIsStored() {
        account.given(accountWith("2"))
                .when(StorageCharge.of(DAY, 2, 3, PRICE).consumption(USER, STORAGE))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aDeletedUserIsNotCharged() {
        Object[] history = accountWith("10");
        account.given(history[0], history[1], new UserRemoved(USER))
                .when(StorageCharge.of(DAY, 1, 0, PRICE).consumption(USER, STORAGE))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }
}
