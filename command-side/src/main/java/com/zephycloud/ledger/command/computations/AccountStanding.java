package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;

/** A user's account as of now: the rank it pays at, its balance, whether it is deleted. */
public record AccountStanding(Rank rank, Zephycoins balance, boolean deleted) {
}
