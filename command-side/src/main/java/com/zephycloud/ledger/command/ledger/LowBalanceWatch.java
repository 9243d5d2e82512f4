package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.Zephycoins;

/**
 * When a balance crosses the low-balance threshold: it is low when it is below the threshold.
 * Only a change between low and not low is a crossing, so a crossing is reported once however
 * many transactions follow on the same side; with no threshold nothing is low.
 */
public enum LowBalanceWatch {
    /** The balance went below the threshold. */
    REACHED,
    /** A low balance is back at or above the threshold. */
    RESTORED,
    /** No crossing. */
    NONE;

    public static LowBalanceWatch after(Zephycoins threshold, boolean wasLow, Zephycoins balance) {
        boolean low = threshold != null && balance.isLessThan(threshold);
        if (low == wasLow) {
            return NONE;
        }
        return low ? REACHED : RESTORED;
    }
}
