package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;

/**
 * A user's account as of now: the rank it pays at, its balance, whether it is deleted, its
 * monthly spend limit (null: none) and what was spent this UTC calendar month.
 */
public record AccountStanding(Rank rank, Zephycoins balance, boolean deleted,
                              Zephycoins monthlySpendLimit, Zephycoins spentThisMonth) {

    /** An account with no spend limit. */
    public AccountStanding(Rank rank, Zephycoins balance, boolean deleted) {
        this(rank, balance, deleted, null, Zephycoins.ZERO);
    }
}
