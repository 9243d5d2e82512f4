package com.zephycloud.ledger.kernel.events.users;

import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A new password was generated for the user; only its one-way hash is stored. */
@Revision("1")
public record UserPasswordReset(UserId userId, String passwordHash) {
}
