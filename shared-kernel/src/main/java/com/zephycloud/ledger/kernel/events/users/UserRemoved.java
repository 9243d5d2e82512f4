package com.zephycloud.ledger.kernel.events.users;

import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

/** A user was deleted. The account, its history and its login stay; see {@link UserRestored}. */
@Revision("1")
public record UserRemoved(UserId userId) {
}
