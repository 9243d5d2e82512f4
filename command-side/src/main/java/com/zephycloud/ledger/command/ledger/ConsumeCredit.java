package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Spends {@code amount} (positive) of the user's credit; answers the balance after it. */
public record ConsumeCredit(@TargetAggregateIdentifier UserId userId,
                            TransactionId transactionId,
                            Zephycoins amount,
                            String description,
                            String details,
                            ChargeCategory category,
                            ChargeContext context) {
}
