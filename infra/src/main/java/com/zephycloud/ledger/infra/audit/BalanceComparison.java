package com.zephycloud.ledger.infra.audit;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Compares, entry by entry, the balance history recomputed from the events with the one in the
 * read model. Fed in event order; stops at the first divergence. The recomputed balance is the
 * running sum of the amounts: the balance each event claims must equal it too, so a wrong
 * {@code balanceAfter} written by the command side is found as well.
 */
final class BalanceComparison {

    private BigDecimal balance = BigDecimal.ZERO;
    private long checked;
    private Divergence divergence;

    boolean diverged() {
        return divergence != null;
    }

    /** {@code fromEvents} with the balance the event claims; {@code fromReadModel} null when missing. */
    void compare(LedgerLine fromEvents, LedgerLine fromReadModel) {
        if (diverged()) {
            return;
        }
        balance = balance.add(fromEvents.amount());
        if (balance.compareTo(fromEvents.balanceAfter()) != 0) {
            diverge(fromEvents, "event balance_after", balance, fromEvents.balanceAfter());
            return;
        }
        if (fromReadModel == null) {
            diverge(fromEvents, "row", "transaction " + fromEvents.transactionId(), null);
            return;
        }
        if (fromReadModel.sequence() != fromEvents.sequence()) {
            diverge(fromEvents, "sequence", fromEvents.sequence(), fromReadModel.sequence());
        } else if (fromReadModel.transactionId() != fromEvents.transactionId()) {
            diverge(fromEvents, "transaction_id", fromEvents.transactionId(), fromReadModel.transactionId());
        } else if (fromReadModel.amount().compareTo(fromEvents.amount()) != 0) {
            diverge(fromEvents, "amount", fromEvents.amount(), fromReadModel.amount());
        } else if (fromReadModel.balanceAfter().compareTo(balance) != 0) {
            diverge(fromEvents, "balance_after", balance, fromReadModel.balanceAfter());
        } else if (fromReadModel.occurredUs() != fromEvents.occurredUs()) {
            diverge(fromEvents, "occurred_us", fromEvents.occurredUs(), fromReadModel.occurredUs());
        } else {
            checked++;
        }
    }

    /** A read-model row left over after the last event. */
    void extra(LedgerLine fromReadModel) {
        if (!diverged()) {
            divergence = new Divergence(fromReadModel.sequence(), fromReadModel.transactionId(), "row", null,
                    "transaction " + fromReadModel.transactionId());
        }
    }

    BalanceAudit result(long userId) {
        return new BalanceAudit(userId, diverged() ? BalanceAudit.DIVERGENT : BalanceAudit.CONSISTENT, checked,
                balance, divergence);
    }

    private void diverge(LedgerLine at, String field, Object expected, Object found) {
        divergence = new Divergence(at.sequence(), at.transactionId(), field, text(expected), text(found));
    }

    private static String text(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
        }
        return Objects.toString(value, null);
    }
}
