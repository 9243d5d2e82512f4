package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.UserId;

import java.time.Instant;

/**
 * Asks for a computation of {@code userId} on {@code nbrMachines} machines, on the terms of
 * {@code offer} (the catalog as it is at {@code at}). Charges the toolchain's fixed price; answers
 * the job id.
 */
public record SubmitComputation(JobId jobId,
                                UserId userId,
                                String projectUid,
                                int nbrMachines,
                                MachineOffer offer,
                                Instant at) {
}
