package com.zephycloud.ledger.command.ledger;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;
import com.zephycloud.ledger.kernel.events.users.UserPasswordReset;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import com.zephycloud.ledger.kernel.events.users.UserRegistered;
import com.zephycloud.ledger.kernel.events.users.UserRemoved;
import com.zephycloud.ledger.kernel.events.users.UserRestored;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One user's account and credit ledger. It holds only what its rules need (rank, balance,
 * deleted), so that it stays small however long the history grows; snapshots carry these fields.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class UserAccount {

    @AggregateIdentifier
    private UserId userId;
    private Rank rank;
    private Zephycoins balance;
    private boolean deleted;

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
        return after;
    }

    @CommandHandler
    public Zephycoins handle(RemoveCredit command) {
        Zephycoins after = balanceAfterDebit(command.amount(), "nbr_coins");
        apply(new CreditRemoved(userId, command.transactionId(), command.amount(), command.reason(), after));
        return after;
    }

    @CommandHandler
    public Zephycoins handle(ConsumeCredit command) {
        Zephycoins after = balanceAfterDebit(command.amount(), "amount");
        ChargeContext context = command.context() == null ? ChargeContext.NONE : command.context();
        ChargeCategory category = command.category() == null ? ChargeCategory.MANUAL : command.category();
        apply(new CreditConsumed(userId, command.transactionId(), command.amount(), command.description(),
                command.details(), category, context, after));
        return after;
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
    void on(CreditConsumed event) {
        balance = event.balanceAfter();
    }

    @EventSourcingHandler
    void on(CreditRemoved event) {
        balance = event.balanceAfter();
    }

    @EventSourcingHandler
    void on(TransactionCanceled event) {
        balance = event.balanceAfter();
    }
}
