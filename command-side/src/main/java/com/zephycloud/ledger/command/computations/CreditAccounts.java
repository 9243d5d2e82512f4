package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;

/**
 * Port: the users' accounts, as a computation sees them from inside its own unit of work. A
 * charge made here is stored in the same database transaction as the computation's events, so a
 * slice is charged together with its record or not at all.
 */
public interface CreditAccounts {

    /**
     * @throws org.axonframework.modelling.command.AggregateNotFoundException for an unknown user
     */
    AccountStanding standing(UserId userId);

    /** Applies the consumption to the user's account; answers the balance after it. */
    Zephycoins consume(ConsumeCredit consumption);
}
