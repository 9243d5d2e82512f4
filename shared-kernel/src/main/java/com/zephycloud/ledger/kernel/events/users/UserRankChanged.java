package com.zephycloud.ledger.kernel.events.users;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.serialization.Revision;

@Revision("1")
public record UserRankChanged(UserId userId, Rank previousRank, Rank rank) {
}
