package com.zephycloud.ledger.query.reports;

import java.time.Instant;

/**
 * The benefits made over the window (from, to], in {@code currency}: every user who consumed
 * zephycoins in the window, or only user {@code userId} when it is not null.
 */
public record FindBenefits(Instant from, Instant to, String currency, Long userId) {
}
