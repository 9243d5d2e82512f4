package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

class TransactionCancellationTest {

    private static final UserId USER = UserId.of(7);
    private static final TransactionId CREDIT = TransactionId.of(1);
    private static final TransactionId CHARGE = TransactionId.of(2);
    private static final ChargeContext SLICE = new ChargeContext("marcel-1-abc", 54L, null, null, null, null, null);

    private final Map<TransactionId, LedgerEntry> register = new HashMap<>();
    private final AtomicLong nextId = new AtomicLong(900);
    private AggregateTestFixture<UserAccount> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(UserAccount.class);
        register.put(CREDIT, new LedgerEntry(CREDIT, USER, coins("10"), null, ChargeContext.NONE, false, false));
        register.put(CHARGE, new LedgerEntry(CHARGE, USER, coins("-4"), ChargeCategory.COMPUTATION, SLICE, false, false));
        fixture.registerAnnotatedCommandHandler(new TransactionCancellation(fixture.getRepository(),
                ids -> { Map<TransactionId, LedgerEntry> found = new HashMap<>(); ids.forEach(id -> {
                    if (register.containsKey(id)) { found.put(id, register.get(id)); } }); return found; },
                () -> TransactionId.of(nextId.incrementAndGet())));
    }

    private static Zephycoins coins(String value) {
        return Zephycoins.of(value);
    }

    private Object[] history() {
        return new Object[]{
                new UserRegistered(USER, "marcel", "marcel@example.com", "hash", Rank.GOLD),
                new CreditAdded(USER, CREDIT, coins("10"), "welcome", coins("10")),
                new CreditConsumed(USER, CHARGE, coins("4"), "slice", null, ChargeCategory.COMPUTATION, SLICE, coins("6"))};
    }

    @Test
    void cancelingAChargeRefundsItAndKeepsItsCategoryAndContext() {
        fixture.given(history())
                .when(new CancelTransactions(List.of(CHARGE), "billing error"))
                .expectResultMessagePayload(List.of(TransactionId.of(901)))
                .expectEvents(new TransactionCanceled(USER, TransactionId.of(901), CHARGE, coins("4"), "billing error",
                        ChargeCategory.COMPUTATION, SLICE, coins("10")));
    }

    @Test
    void cancelingTwiceIsRefused() {
        register.put(CHARGE, new LedgerEntry(CHARGE, USER, coins("-4"), ChargeCategory.COMPUTATION, SLICE, false, true));
        fixture.given(history())
                .when(new CancelTransactions(List.of(CHARGE), "again"))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("transaction 2 is already canceled")
                .expectNoEvents();
    }

    @Test
    void aReversalCannotBeCanceled() {
        TransactionId reversal = TransactionId.of(3);
        register.put(reversal, new LedgerEntry(reversal, USER, coins("4"), ChargeCategory.COMPUTATION, SLICE, true, false));
        fixture.given(history())
                .when(new CancelTransactions(List.of(reversal), "undo the undo"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void oneUnknownIdRefusesTheWholeRequest() {
        fixture.given(history())
                .when(new CancelTransactions(List.of(CHARGE, TransactionId.of(77)), "mixed"))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("no transaction with id 77")
                .expectNoEvents();
    }

    @Test
    void theSameIdTwiceIsRefused() {
        fixture.given(history())
                .when(new CancelTransactions(List.of(CHARGE, CHARGE), "twice"))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }

    @Test
    void cancelingACreditThatWasSpentIsRefused() {
        fixture.given(history())
                .when(new CancelTransactions(List.of(CREDIT), "chargeback"))
                .expectException(IllegalStateException.class)
                .expectNoEvents();
    }

    @Test
    void aReasonIsRequired() {
        fixture.given(history())
                .when(new CancelTransactions(List.of(CHARGE), " "))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
