package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Adds credit; answers the balance after it. */
public record AddCredit(@TargetAggregateIdentifier UserId userId,
                        TransactionId transactionId,
                        Zephycoins amount,
                        String reason) {
}
