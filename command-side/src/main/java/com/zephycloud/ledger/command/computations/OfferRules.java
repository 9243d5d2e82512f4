package com.zephycloud.ledger.command.computations;

/** What running on an offer must respect: a machine allowed for the toolchain, within its machine_limit. */
public final class OfferRules {

    private OfferRules() {
    }

    public static void check(MachineOffer offer, int nbrMachines) {
        if (!offer.machineAllowed()) {
            throw new IllegalArgumentException("machine " + offer.machine() + " of provider " + offer.provider()
                    + " is not allowed for toolchain " + offer.toolchainName());
        }
        if (nbrMachines < 1 || nbrMachines > offer.machineLimit()) {
            throw new IllegalArgumentException("nbr_machines must be between 1 and " + offer.machineLimit()
                    + " (the machine_limit of toolchain " + offer.toolchainName() + "), got " + nbrMachines);
        }
    }
}
