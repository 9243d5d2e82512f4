package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.command.computations.MachineOffer;

import java.time.Instant;

/**
 * Port onto the catalog: the offer for running {@code toolchain} on {@code machine} of
 * {@code provider}, as the catalog was at {@code at}. Whether the machine is allowed for the
 * toolchain is part of the offer ({@link MachineOffer#machineAllowed()}): the computation's rules
 * decide what that means.
 */
public interface MachineOffers {

    /**
     * @throws MachineOfferUnavailable when the toolchain, the provider or the machine does not
     *                                 exist at {@code at}
     */
    MachineOffer find(String toolchain, String provider, String machine, Instant at);
}
