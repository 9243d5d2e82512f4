package com.zephycloud.ledger.query.reports;

import java.time.Instant;

/**
 * Usage per user, project and UTC calendar month over the window (from, to]: of user
 * {@code userId}, or of every user when it is null.
 */
public record ListUsage(Instant from, Instant to, Long userId) {
}
