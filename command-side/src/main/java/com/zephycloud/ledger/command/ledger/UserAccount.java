package com.zephycloud.ledger.command.ledger;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
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
import com.zephycloud.ledger.kernel.events.users.UserPasswordReset;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import com.zephycloud.ledger.kernel.events.users.UserRemoved;
import com.zephycloud.ledger.kernel.events.users.UserRestored;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Objects;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One user's account and credit ledger. It holds only what its rules need (rank, balance,
 * deleted, the limits and the month's spend), so that it stays small however long the history
 * grows; snapshots carry these fields, and {@code @Revision} names their shape (a snapshot of
 * another revision is skipped and the account rebuilt from its events).
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class UserAccount {

    @AggregateIdentifier
    private UserId userId;
    private Rank rank;
    private Zephycoins balance;
    private boolean deleted;
    private AccountLimits limits = AccountLimits.NONE;

    protected UserAccount() {
    }

    @CommandHandler
    public UserAccount(RegisterUser command, UserIdentities identities) {
        IdentityRules.checkLogin(command.login());
        IdentityRules.checkEmail(command.email());
        if (command.initialCoins() != null && command.initialCoins().isNegative()) {
            throw new IllegalArgumentException("nbr_coins is negative: the initial credit must be zero or more");
        }
        identities.claim(command.userId(), command.login(), command.email());
        apply(new UserRegistered(command.userId(), command.login(), command.email(),
                command.passwordHash(), command.rank()));
        if (command.initialCoins() != null && command.initialCoins().isPositive()) {
            apply(new CreditAdded(command.userId(), command.initialTransactionId(), command.initialCoins(),
                    command.reason(), command.initialCoins()));
        }
    }

    @CommandHandler
    public void handle(RemoveUser command) {
        if (deleted) {
            throw new IllegalStateException("user " + userId.value() + " is already deleted");
        }
        apply(new UserRemoved(userId));
    }

    @CommandHandler
    public void handle(RestoreUser command) {
        if (!deleted) {
            throw new IllegalStateException("user " + userId.value() + " is not deleted, there is nothing to restore");
        }
        apply(new UserRestored(userId));
    }

    @CommandHandler
    public void handle(ChangeRank command) {
        requireActive();
        if (command.rank() != rank) {
            apply(new UserRankChanged(userId, rank, command.rank()));
        }
    }

    @CommandHandler
    public void handle(ResetPassword command) {
        requireActive();
        apply(new UserPasswordReset(userId, command.passwordHash()));
    }

    @CommandHandler
    public Zephycoins handle(AddCredit command) {
        requireActive();
        requirePositive(command.amount(), "nbr_coins");
        Zephycoins after = balance.plus(command.amount());
        apply(new CreditAdded(userId, command.transactionId(), command.amount(), command.reason(), after));
        watchBalance(command.transactionId());
        return after;
    }

    @CommandHandler
    public Zephycoins handle(RemoveCredit command) {
        Zephycoins after = balanceAfterDebit(command.amount(), "nbr_coins");
        apply(new CreditRemoved(userId, command.transactionId(), command.amount(), command.reason(), after));
        watchBalance(command.transactionId());
        return after;
    }

    @CommandHandler
    public Zephycoins handle(ConsumeCredit command) {
        Zephycoins after = balanceAfterDebit(command.amount(), "amount");
        Instant now = now();
        SpendLimitPolicy.check(limits.monthlySpendLimit(), limits.spentInMonthOf(now), command.amount(), now);
        ChargeContext context = command.context() == null ? ChargeContext.NONE : command.context();
        ChargeCategory category = command.category() == null ? ChargeCategory.MANUAL : command.category();
        apply(new CreditConsumed(userId, command.transactionId(), command.amount(), command.description(),
                command.details(), category, context, after));
        watchBalance(command.transactionId());
        return after;
    }

    @CommandHandler
    public AccountLimits handle(SetAccountLimits command) {
        requireActive();
        Zephycoins limit = command.monthlySpendLimit().applyTo(limits.monthlySpendLimit());
        Zephycoins threshold = command.lowBalanceThreshold().applyTo(limits.lowBalanceThreshold());
        AccountLimitRules.check(limit, threshold);
        if (!Objects.equals(limit, limits.monthlySpendLimit())) {
            apply(new MonthlySpendLimitChanged(userId, limits.monthlySpendLimit(), limit));
        }
        if (!Objects.equals(threshold, limits.lowBalanceThreshold())) {
            apply(new LowBalanceThresholdChanged(userId, limits.lowBalanceThreshold(), threshold));
            watchBalance(null);
        }
        return limits;
    }

    /** Reverses one of this account's transactions; called by {@link TransactionCancellation}. */
    void reverse(LedgerEntry original, TransactionId reversalId, String reason) {
        Zephycoins reversalAmount = original.signedAmount().negate();
        Zephycoins after = balance.plus(reversalAmount);
        if (after.isNegative()) {
            throw new IllegalStateException("canceling transaction " + original.id() + " would take the balance of user "
                    + userId.value() + " to " + after + ": consume or add credit first");
        }
        apply(new TransactionCanceled(userId, reversalId, original.id(), reversalAmount, reason,
                original.category(), original.context(), after));
        watchBalance(reversalId);
    }

    /** The rank this account pays at; read by rules of other aggregates in the same unit of work. */
    public Rank rank() {
        return rank;
    }

    public Zephycoins balance() {
        return balance;
    }

    public boolean isDeleted() {
        return deleted;
    }

    public AccountLimits limits() {
        return limits;
    }

    /** What was spent this UTC calendar month, as the monthly spend limit counts it. */
    public Zephycoins spentThisMonth() {
        return limits.spentInMonthOf(now());
    }

    /**
     * The time a charge is checked at: the clock that stamps the events this account applies, so
     * that the month a charge is checked in is the month it is counted in.
     */
    private static Instant now() {
        return GenericEventMessage.clock.instant();
    }

    /** Stores the crossing of the low-balance threshold, if the last transaction made one. */
    private void watchBalance(TransactionId cause) {
        Zephycoins threshold = limits.lowBalanceThreshold();
        switch (LowBalanceWatch.after(threshold, limits.lowBalance(), balance)) {
            case REACHED -> apply(new LowBalanceReached(userId, threshold, balance, cause));
            case RESTORED -> apply(new BalanceRestored(userId, threshold, balance, cause));
            case NONE -> {
            }
        }
    }

    /** What every debit of an active account passes: a positive amount the balance covers. */
    private Zephycoins balanceAfterDebit(Zephycoins amount, String name) {
        requireActive();
        requirePositive(amount, name);
        SufficientCreditPolicy.check(balance, amount);
        return balance.minus(amount);
    }

    private void requireActive() {
        if (deleted) {
            throw new IllegalStateException("user " + userId.value() + " is deleted: restore it first");
        }
    }

    private static void requirePositive(Zephycoins amount, String name) {
        if (!amount.isPositive()) {
            throw new IllegalArgumentException(name + " must be a positive number of zephycoins, got " + amount);
        }
    }

    @EventSourcingHandler
    void on(UserRegistered event) {
        userId = event.userId();
        rank = event.rank();
        balance = Zephycoins.ZERO;
        deleted = false;
        limits = AccountLimits.NONE;
    }

    @EventSourcingHandler
    void on(UserRemoved event) {
        deleted = true;
    }

    @EventSourcingHandler
    void on(UserRestored event) {
        deleted = false;
    }

    @EventSourcingHandler
    void on(UserRankChanged event) {
        rank = event.rank();
    }

    @EventSourcingHandler
    void on(CreditAdded event) {
        balance = event.balanceAfter();
    }

    @EventSourcingHandler
    void on(CreditConsumed event, @Timestamp Instant at) {
        balance = event.balanceAfter();
        limits = limits.charged(at, event.amount());
    }

    @EventSourcingHandler
    void on(CreditRemoved event) {
        balance = event.balanceAfter();
    }

    @EventSourcingHandler
    void on(TransactionCanceled event, @Timestamp Instant at) {
        balance = event.balanceAfter();
        if (event.category() != null && event.reversalAmount().isPositive()) {
            limits = limits.refunded(at, event.reversalAmount());
        }
    }

    @EventSourcingHandler
    void on(MonthlySpendLimitChanged event) {
        limits = limits.withMonthlySpendLimit(event.limit());
    }

    @EventSourcingHandler
    void on(LowBalanceThresholdChanged event) {
        limits = limits.withLowBalanceThreshold(event.threshold());
    }

    @EventSourcingHandler
    void on(LowBalanceReached event) {
        limits = limits.withLowBalance(true);
    }

    @EventSourcingHandler
    void on(BalanceRestored event) {
        limits = limits.withLowBalance(false);
    }
}
