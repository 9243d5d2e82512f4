package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.Zephycoins;

/** A consumption, or credit an admin takes back, never takes a balance below zero. */
public final class SufficientCreditPolicy {

    private SufficientCreditPolicy() {
    }

    public static void check(Zephycoins balance, Zephycoins amount) {
        if (balance.isLessThan(amount)) {
            throw new IllegalStateException("insufficient credit: the balance is " + balance
                    + " zephycoins, " + amount + " were asked");
        }
    }
}
