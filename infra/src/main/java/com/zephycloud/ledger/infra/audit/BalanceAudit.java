package com.zephycloud.ledger.infra.audit;

import java.math.BigDecimal;

/**
 * The result of replaying one user's balance: "consistent" with the number of entries checked,
 * or the first divergence. {@code balance} is the balance recomputed from the events.
 */
public record BalanceAudit(long userId, String result, long entriesChecked, BigDecimal balance, Divergence divergence) {

    public static final String CONSISTENT = "consistent";
    public static final String DIVERGENT = "divergent";
}
