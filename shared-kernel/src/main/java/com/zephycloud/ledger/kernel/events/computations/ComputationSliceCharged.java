package com.zephycloud.ledger.kernel.events.computations;

import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.serialization.Revision;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * Slice {@code sliceNumber} (0 is the first) of the computation, {@code [computingStart,
 * computingEnd)} on {@code nbrMachines} machines, was charged ahead by transaction
 * {@code transactionId} of {@code amount}, for {@code coresPerSec} cores × seconds.
 * {@code providerCost} is what the provider bills us for the same period, in
 * {@code costCurrency}, computed with the cost granularities recorded here (benefits report).
 */
@Revision("1")
public record ComputationSliceCharged(JobId jobId,
                                      UserId userId,
                                      String projectUid,
                                      int sliceNumber,
                                      TransactionId transactionId,
                                      Instant computingStart,
                                      Instant computingEnd,
                                      int nbrMachines,
                                      Zephycoins amount,
                                      BigDecimal coresPerSec,
                                      BigDecimal costPerHour,
                                      String costCurrency,
                                      int costSecGranularity,
                                      int costMinSecGranularity,
                                      BigDecimal providerCost) {
}
