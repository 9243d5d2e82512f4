package com.zephycloud.ledger.kernel.events.users;

import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A deleted user was brought back, with the balance and history it had. */
@Revision("1")
public record UserRestored(UserId userId) {
}
