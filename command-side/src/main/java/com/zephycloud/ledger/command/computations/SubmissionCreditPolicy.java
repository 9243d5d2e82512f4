package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.Zephycoins;

/** A computation is accepted only if its user can pay the fixed price and the first slice. */
public final class SubmissionCreditPolicy {

    private SubmissionCreditPolicy() {
    }

    public static void check(Zephycoins balance, Zephycoins fixedPrice, Zephycoins firstSlice) {
        Zephycoins needed = fixedPrice.plus(firstSlice);
        if (balance.isLessThan(needed)) {
            throw new IllegalStateException("insufficient credit: the balance is " + balance + " zephycoins, the"
                    + " fixed price (" + fixedPrice + ") and the first slice (" + firstSlice + ") need " + needed);
        }
    }
}
