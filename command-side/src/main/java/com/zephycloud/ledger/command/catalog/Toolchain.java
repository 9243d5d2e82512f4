package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainCreated;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainRemoved;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainUpdated;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A toolchain: an operation users can run, its fixed price and the machines allowed for it.
 * Its changes are appended in time order: a change cannot take effect before one already
 * scheduled (the versions of a toolchain are few; this keeps them simple).
 */
public class Toolchain {

    public static final String PREFIX = "toolchain:";

    @AggregateIdentifier
    private String toolchainId;
    private long id;
    private String name;
    private Zephycoins fixedPrice;
    private int machineLimit;
    private Map<String, List<String>> machines;
    private Instant lastChange;
    private boolean removed;

    protected Toolchain() {
    }

    public static String id(long toolchainId) {
        return PREFIX + toolchainId;
    }

    @CommandHandler
    public Toolchain(CreateToolchain command, ToolchainNames names, MachineDirectory directory) {
        CatalogNames.checkToolchain(command.name());
        Instant at = EffectiveTime.resolve(command.requestedAt(), command.effectiveDate());
        ToolchainCreated created = new ToolchainCreated(command.toolchainId(), command.name(),
                ToolchainRules.checkFixedPrice(command.fixedPrice()),
                ToolchainRules.checkMachineLimit(command.machineLimit()),
                ToolchainRules.checkMachines(command.machines() == null ? Map.of() : command.machines(), directory), at);
        names.claim(command.toolchainId(), command.name());
        apply(created);
    }

    @CommandHandler
    public void handle(UpdateToolchain command, MachineDirectory directory) {
        if (command.fixedPrice() == null && command.machineLimit() == null && command.machines() == null) {
            throw new IllegalArgumentException("give at least one of fixed_price, machine_limit, machines");
        }
        Zephycoins newFixedPrice = command.fixedPrice() == null ? fixedPrice
                : ToolchainRules.checkFixedPrice(command.fixedPrice());
        int newMachineLimit = command.machineLimit() == null ? machineLimit
                : ToolchainRules.checkMachineLimit(command.machineLimit());
        Map<String, List<String>> newMachines = command.machines() == null ? machines
                : ToolchainRules.checkMachines(command.machines(), directory);
        Instant at = inOrder(command.requestedAt(), command.effectiveDate());
        apply(new ToolchainUpdated(id, name, newFixedPrice, newMachineLimit, newMachines, at));
    }

    @CommandHandler
    public void handle(RemoveToolchain command) {
        apply(new ToolchainRemoved(id, name, inOrder(command.requestedAt(), command.effectiveDate())));
    }

    private Instant inOrder(Instant requestedAt, Instant effectiveDate) {
        if (removed) {
            throw new IllegalStateException("toolchain '" + name + "' is removed");
        }
        Instant at = EffectiveTime.resolve(requestedAt, effectiveDate);
        if (at.isBefore(lastChange)) {
            throw new IllegalStateException("toolchain '" + name + "' has a change scheduled at "
                    + lastChange.getEpochSecond() + "; a new change must take effect at or after it");
        }
        return at;
    }

    @EventSourcingHandler
    void on(ToolchainCreated event) {
        toolchainId = id(event.toolchainId());
        id = event.toolchainId();
        name = event.name();
        remember(event.fixedPrice(), event.machineLimit(), event.machines(), event.effectiveAt());
    }

    @EventSourcingHandler
    void on(ToolchainUpdated event) {
        remember(event.fixedPrice(), event.machineLimit(), event.machines(), event.effectiveAt());
    }

    @EventSourcingHandler
    void on(ToolchainRemoved event) {
        removed = true;
        lastChange = event.effectiveAt();
    }

    private void remember(Zephycoins newFixedPrice, int newMachineLimit, Map<String, List<String>> newMachines,
                       Instant at) {
        fixedPrice = newFixedPrice;
        machineLimit = newMachineLimit;
        machines = newMachines;
        lastChange = at;
    }
}
