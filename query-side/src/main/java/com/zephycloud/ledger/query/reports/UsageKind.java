package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.events.ledger.CreditAdded;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.ledger.CreditRemoved;
import com.zephycloud.ledger.kernel.events.ledger.LedgerEntryRecorded;
import com.zephycloud.ledger.kernel.events.ledger.TransactionCanceled;

/**
 * What a transaction is in the usage view (docs/usage.md): {@code credit}, {@code credit_removed},
 * a charge's category ({@code manual}, {@code fixed_price}, {@code computation}, {@code storage}),
 * or {@code canceled_} followed by the canceled charge's category ({@code canceled_credit} for a
 * canceled credit or removal, which has none). The sums tables keep it per row; {@link #SQL} says
 * the same of a row of {@code ledger_transactions}.
 */
public final class UsageKind {

    public static final String CREDIT = "credit";
    public static final String CREDIT_REMOVED = "credit_removed";
    public static final String CANCELED = "canceled_";

    /** The kind of a {@code ledger_transactions} row, as {@link #of} gives it for its event. */
    public static final String SQL = "CASE WHEN reverses IS NOT NULL THEN CONCAT('" + CANCELED + "', COALESCE(category, '"
            + CREDIT + "')) WHEN category IS NOT NULL THEN category WHEN amount > 0 THEN '" + CREDIT + "' ELSE '"
            + CREDIT_REMOVED + "' END";

    private UsageKind() {
    }

    public static String of(LedgerEntryRecorded entry) {
        if (entry instanceof CreditAdded) {
            return CREDIT;
        }
        if (entry instanceof CreditRemoved) {
            return CREDIT_REMOVED;
        }
        if (entry instanceof CreditConsumed consumed) {
            return category(consumed.category());
        }
        if (entry instanceof TransactionCanceled canceled) {
            return CANCELED + (canceled.category() == null ? CREDIT : canceled.category().json());
        }
        throw new IllegalArgumentException("a ledger entry the usage view does not know: " + entry.getClass().getName());
    }

    private static String category(ChargeCategory category) {
        return (category == null ? ChargeCategory.MANUAL : category).json();
    }
}
