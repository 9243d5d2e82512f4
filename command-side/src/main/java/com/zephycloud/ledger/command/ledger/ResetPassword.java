package com.zephycloud.ledger.command.ledger;

import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Replaces the password; the caller generated it and keeps the clear text, the command only the hash. */
public record ResetPassword(@TargetAggregateIdentifier UserId userId, String passwordHash) {
}
