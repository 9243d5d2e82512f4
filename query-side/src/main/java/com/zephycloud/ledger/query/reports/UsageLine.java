package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.kernel.Zephycoins;

import java.math.BigDecimal;

/**
 * One user's usage of one project (null: what belongs to none, credits among them) in one UTC
 * calendar month ({@code month} as {@code 2026-03}, {@code monthStart} in epoch seconds), over the
 * part of the month inside the window. Charges are positive amounts spent; {@code cancellations}
 * the signed sum of the reversals (positive when charges were given back); {@code ledgerTotal} the
 * signed sum of every transaction counted, which is what the ledger shows for the same window:
 * {@code credits - creditsRemoved - manual - fixedPrice - computing.coins - storage.coins + cancellations.coins}.
 */
public record UsageLine(long userId, String month, long monthStart, String project, Zephycoins fixedPrice,
                        Computing computing, Storage storage, Zephycoins manual, Cancellations cancellations,
                        Zephycoins credits, Zephycoins creditsRemoved, Zephycoins ledgerTotal, long transactions) {

    /** Computing slices: cores × seconds charged, and their price. */
    public record Computing(BigDecimal coreSeconds, Zephycoins coins, long slices) {
    }

    /** Storage charges: their price and the sums of the meshes and calculations each charge counted. */
    public record Storage(Zephycoins coins, long meshCount, long calcCount, long charges) {
    }

    /** Reversals of earlier transactions. */
    public record Cancellations(Zephycoins coins, long count) {
    }
}
