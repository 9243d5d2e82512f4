package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record ChangeRank(@TargetAggregateIdentifier UserId userId, Rank rank) {
}
