package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public record RemoveUser(@TargetAggregateIdentifier UserId userId) {
}
