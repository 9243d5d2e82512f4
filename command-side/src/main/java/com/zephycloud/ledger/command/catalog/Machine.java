package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.events.catalog.MachineCreated;
import com.zephycloud.ledger.kernel.events.catalog.MachineRemoved;
import com.zephycloud.ledger.kernel.events.catalog.MachineRepriced;
import com.zephycloud.ledger.kernel.catalog.MachineSpec;
import com.zephycloud.ledger.kernel.events.catalog.MachineUpdated;
import com.zephycloud.ledger.kernel.catalog.RankPrices;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;

import java.time.Instant;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One machine type of one provider, with its timeline: the versions of its current life, each
 * valid from its instant until the next one (or its removal). A change at instant E applies to
 * the version valid at E and to every version scheduled after E, each restated by its own event,
 * so that a scheduled version never silently undoes an earlier change. A removed machine can be
 * created again from its removal on: a new life, same identity.
 */
public class Machine {

    public static final String PREFIX = "machine:";

    @AggregateIdentifier
    private String machineId;
    private String provider;
    private String name;
    private final NavigableMap<Instant, MachineSpec> versions = new TreeMap<>();
    private Instant removedAt;

    protected Machine() {
    }

    public static String id(String provider, String machine) {
        return PREFIX + provider + "/" + machine;
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(CreateMachine command, ProviderDirectory providers, PricingHistory pricing) {
        if (machineId != null && removedAt == null) {
            throw new IllegalStateException("machine '" + command.machine() + "' already exists at provider '"
                    + command.provider() + "'; change it with machines/update");
        }
        CatalogNames.checkProvider(command.provider());
        CatalogNames.checkMachine(command.machine());
        if (!providers.exists(command.provider())) {
            throw new IllegalArgumentException("provider_name: unknown provider '" + command.provider()
                    + "'; create it first with providers/create");
        }
        Instant from = EffectiveTime.resolve(command.requestedAt(), command.effectiveDate());
        if (removedAt != null && from.isBefore(removedAt)) {
            throw new IllegalStateException("machine '" + command.machine() + "' is offered until its removal at "
                    + removedAt.getEpochSecond() + "; it can be created again from then on");
        }
        if (command.prices() == null && !command.autoUpdate()) {
            throw new IllegalArgumentException("prices: is required unless auto_update is true");
        }
        MachineSpec given = MachineRules.check(new MachineSpec(command.cores(), command.ram(), command.availability(),
                command.prices() == null ? null : PriceList.complete(command.prices()),
                command.priceSecGranularity(), command.priceMinSecGranularity(),
                command.costPerHour() == null ? null : Amounts.atLeastZero(command.costPerHour(), "cost_per_hour"),
                command.costCurrency(), command.costSecGranularity(), command.costMinSecGranularity(),
                command.autoUpdate()));
        MachineSpec first = given.prices() == null ? given.withPrices(autoPrices(given, from, pricing)) : given;
        apply(new MachineCreated(command.provider(), command.machine(), first, from));
        if (first.autoUpdate()) {
            for (Instant change : pricing.changesAfter(from)) {
                apply(new MachineRepriced(provider, name, first.withPrices(autoPrices(first, change, pricing)), change,
                        "pricing"));
            }
        }
    }

    @CommandHandler
    public void handle(UpdateMachine command, PricingHistory pricing) {
        MachineChange change = command.change();
        if (change.isEmpty()) {
            throw new IllegalArgumentException("give at least one field to change: cores, ram, availability, prices,"
                    + " price_sec_granularity, price_min_sec_granularity, cost_per_hour, cost_currency,"
                    + " cost_sec_granularity, cost_min_sec_granularity, auto_update");
        }
        Instant from = EffectiveTime.resolve(command.requestedAt(), command.effectiveDate());
        MachineSpec before = requireOfferedAt(from);
        boolean reprice = change.triggersRepricing(before, change.applyTo(before));
        TreeSet<Instant> instants = new TreeSet<>(versions.tailMap(from, false).keySet());
        instants.add(from);
        if (reprice) {
            pricing.changesAfter(from).stream().filter(this::beforeRemoval).forEach(instants::add);
        }
        for (Instant at : instants) {
            MachineSpec spec = change.applyTo(versions.floorEntry(at).getValue());
            if (reprice) {
                spec = spec.withPrices(autoPrices(spec, at, pricing));
            }
            apply(new MachineUpdated(provider, name, spec, at));
        }
    }

    @CommandHandler
    public void handle(RemoveMachine command) {
        Instant at = EffectiveTime.resolve(command.requestedAt(), command.effectiveDate());
        requireOfferedAt(at);
        apply(new MachineRemoved(provider, name, at));
    }

    /** New inputs from {@code from} on: every automatically priced version from then on gets its new prices. */
    @CommandHandler
    public void handle(RepriceMachine command) {
        TreeSet<Instant> instants = new TreeSet<>(versions.tailMap(command.from(), false).keySet());
        if (isOfferedAt(command.from())) {
            instants.add(command.from());
        }
        for (Instant at : instants) {
            MachineSpec spec = versions.floorEntry(at).getValue();
            if (!spec.autoUpdate()) {
                continue;
            }
            RankPrices prices = AutoPricing.prices(spec.costPerHour(), spec.costCurrency(), command.inputs());
            if (!prices.equals(spec.prices())) {
                apply(new MachineRepriced(provider, name, spec.withPrices(prices), at, command.cause()));
            }
        }
    }

    private RankPrices autoPrices(MachineSpec spec, Instant at, PricingHistory pricing) {
        PricingInputs inputs = pricing.at(at).orElseThrow(() -> new IllegalStateException(
                "no pricing constants are set for " + at.getEpochSecond() + ": set them with"
                        + " reports/pricing_constants/update, or give prices"));
        return AutoPricing.prices(spec.costPerHour(), spec.costCurrency(), inputs);
    }

    private MachineSpec requireOfferedAt(Instant at) {
        if (!isOfferedAt(at)) {
            throw new IllegalStateException("machine '" + name + "' of provider '" + provider + "' is not offered at "
                    + at.getEpochSecond() + (removedAt != null ? " (removed from " + removedAt.getEpochSecond() + ")"
                    : " (offered from " + versions.firstKey().getEpochSecond() + ")"));
        }
        return versions.floorEntry(at).getValue();
    }

    private boolean isOfferedAt(Instant at) {
        return versions.floorEntry(at) != null && beforeRemoval(at);
    }

    private boolean beforeRemoval(Instant at) {
        return removedAt == null || at.isBefore(removedAt);
    }

    @EventSourcingHandler
    void on(MachineCreated event) {
        machineId = id(event.provider(), event.machine());
        provider = event.provider();
        name = event.machine();
        versions.clear();
        removedAt = null;
        versions.put(event.effectiveAt(), event.spec());
    }

    @EventSourcingHandler
    void on(MachineUpdated event) {
        versions.put(event.effectiveAt(), event.spec());
    }

    @EventSourcingHandler
    void on(MachineRepriced event) {
        versions.put(event.effectiveAt(), event.spec());
    }

    @EventSourcingHandler
    void on(MachineRemoved event) {
        versions.tailMap(event.effectiveAt(), true).clear();
        removedAt = event.effectiveAt();
    }
}
