package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A computation was asked for (status pending). It keeps what was valid at {@code submittedAt}:
 * the user's rank, the toolchain's fixed price (charged by transaction
 * {@code fixedPriceTransactionId}, null when the price is zero), the price per hour and machine
 * of that rank with its slice granularities, and the provider's cost with its own.
 * {@code costPerHour} is in {@code costCurrency}, not in zephycoins.
 */
@Revision("1")
public record ComputationSubmitted(JobId jobId,
                                   UserId userId,
                                   String projectUid,
                                   Rank userRank,
                                   long toolchainId,
                                   String toolchainName,
                                   String provider,
                                   String machine,
                                   int nbrMachines,
                                   int coresPerMachine,
                                   Zephycoins fixedPrice,
                                   TransactionId fixedPriceTransactionId,
                                   Zephycoins pricePerHour,
                                   int priceSecGranularity,
                                   int priceMinSecGranularity,
                                   BigDecimal costPerHour,
                                   String costCurrency,
                                   int costSecGranularity,
                                   int costMinSecGranularity,
                                   Instant submittedAt) {
}
