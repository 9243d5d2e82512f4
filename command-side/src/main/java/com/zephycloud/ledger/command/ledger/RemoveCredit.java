package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Takes {@code amount} of credit back; answers the balance after it, which is never below zero. */
public record RemoveCredit(@TargetAggregateIdentifier UserId userId,
                           TransactionId transactionId,
                           Zephycoins amount,
                           String reason) {
}
