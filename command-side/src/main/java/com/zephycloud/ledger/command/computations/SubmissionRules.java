package com.zephycloud.ledger.command.computations;

/** What a submission must respect of the catalog's offer, before any account is looked at. */
final class SubmissionRules {

    private SubmissionRules() {
    }

    static void check(SubmitComputation command) {
        MachineOffer offer = command.offer();
        if (command.projectUid() == null || command.projectUid().isBlank()) {
            throw new IllegalArgumentException("project_uid is empty: name the project the computation belongs to");
        }
        if (!offer.machineAllowed()) {
            throw new IllegalArgumentException("machine " + offer.machine() + " of provider " + offer.provider()
                    + " is not allowed for toolchain " + offer.toolchainName());
        }
        if (command.nbrMachines() < 1 || command.nbrMachines() > offer.machineLimit()) {
            throw new IllegalArgumentException("nbr_machines must be between 1 and " + offer.machineLimit()
                    + " (the machine_limit of toolchain " + offer.toolchainName() + "), got " + command.nbrMachines());
        }
    }
}
