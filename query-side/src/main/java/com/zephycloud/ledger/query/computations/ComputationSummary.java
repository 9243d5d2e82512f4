package com.zephycloud.ledger.query.computations;

import java.math.BigDecimal;

/** A line of {@code computations/list}; times in UTC epoch seconds. */
public record ComputationSummary(long jobId,
                                 long userId,
                                 String login,
                                 String email,
                                 String projectUid,
                                 long createDate,
                                 Long startTime,
                                 Long endTime,
                                 String status,
                                 BigDecimal progress,
                                 boolean hasLogs) {
}
