package com.zephycloud.ledger.command.catalog;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.modelling.command.Aggregate;
import org.axonframework.modelling.command.Repository;

import java.time.Instant;

/**
 * Changes the pricing inputs, then reprices every machine offered from that instant on, in the
 * same unit of work: the change and the new prices are stored together, or not at all.
 * Machines whose prices are set by hand ignore the repricing (see {@link Machine}).
 */
public class PricingChanges {

    private final Repository<PricingPolicy> pricing;
    private final Repository<Machine> machines;
    private final MachineDirectory directory;

    public PricingChanges(Repository<PricingPolicy> pricing, Repository<Machine> machines, MachineDirectory directory) {
        this.pricing = pricing;
        this.machines = machines;
        this.directory = directory;
    }

    @CommandHandler
    public void handle(ChangePricingConstants command) throws Exception {
        Aggregate<PricingPolicy> policy = pricing.loadOrCreate(PricingPolicy.ID, PricingPolicy::new);
        Instant at = policy.invoke(p -> p.changeConstants(command));
        reprice(policy, at, "pricing constants");
    }

    @CommandHandler
    public void handle(SetExchangeRate command) throws Exception {
        Aggregate<PricingPolicy> policy = pricing.loadOrCreate(PricingPolicy.ID, PricingPolicy::new);
        Instant at = policy.invoke(p -> p.setRate(command));
        reprice(policy, at, "exchange rate of " + command.currency());
    }

    private void reprice(Aggregate<PricingPolicy> policy, Instant at, String cause) {
        PricingInputs inputs = policy.invoke(PricingPolicy::inputs);
        if (inputs == null) {
            return;
        }
        for (String machineId : directory.offeredFrom(at)) {
            machines.load(machineId).execute(machine -> machine.handle(new RepriceMachine(machineId, at, inputs, cause)));
        }
    }
}
