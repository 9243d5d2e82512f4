package com.zephycloud.ledger.query.reports;

import java.util.List;

/**
 * The usage over (from, to] in epoch seconds: one line per user, month and project, ordered so,
 * and {@code totals}, the lines summed over users, months and projects (user id 0, month null).
 */
public record Usage(long from, long to, List<UsageLine> lines, UsageLine totals) {
}
