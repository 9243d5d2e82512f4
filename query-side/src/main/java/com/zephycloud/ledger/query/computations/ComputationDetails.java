package com.zephycloud.ledger.query.computations;

import java.math.BigDecimal;

/**
 * {@code computations/show}: every field of the reference, and the per-hour prices and cores they
 * are derived from. Per-second values are the per-hour ones / 3600, rounded half-even to 8
 * decimals (display only: billing uses the per-hour price).
 */
public record ComputationDetails(long jobId,
                                 long userId,
                                 String login,
                                 String email,
                                 String projectUid,
                                 long createDate,
                                 Long startTime,
                                 Long endTime,
                                 String status,
                                 BigDecimal progress,
                                 boolean hasLogs,
                                 boolean shutdownDisabled,
                                 String provider,
                                 String machine,
                                 int nbrMachines,
                                 int coresPerMachine,
                                 String userRank,
                                 String toolchainName,
                                 long toolchainId,
                                 BigDecimal fixedPrice,
                                 BigDecimal costPerHourPerMachine,
                                 BigDecimal costPerSecPerMachine,
                                 String costCurrency,
                                 int costMinSecGranularity,
                                 int costSecGranularity,
                                 BigDecimal pricePerHourPerMachine,
                                 BigDecimal pricePerSecPerMachine,
                                 int priceMinSecGranularity,
                                 int priceSecGranularity) {
}
