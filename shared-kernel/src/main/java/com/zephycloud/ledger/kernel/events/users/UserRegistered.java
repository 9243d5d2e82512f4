package com.zephycloud.ledger.kernel.events.users;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A user account was opened. {@code passwordHash} is a one-way hash; the clear text is never stored. */
@Revision("1")
public record UserRegistered(UserId userId, String login, String email, String passwordHash, Rank rank) {
}
