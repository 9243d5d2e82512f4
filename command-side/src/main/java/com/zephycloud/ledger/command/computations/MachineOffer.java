package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the catalog offers, at one instant, for running a toolchain on a machine type of a
 * provider: the toolchain's fixed price and machine limit, whether the machine is allowed for it,
 * the machine's cores, its price per hour and machine for each rank with the user's slice
 * granularities, and the provider's cost per hour (in {@code costCurrency}) with its own
 * granularities. Resolved by infra when a computation is submitted or quoted; the computation
 * keeps these values for its whole life.
 */
public record MachineOffer(long toolchainId,
                           String toolchainName,
                           Zephycoins fixedPrice,
                           int machineLimit,
                           String provider,
                           String machine,
                           boolean machineAllowed,
                           int cores,
                           Map<Rank, Zephycoins> pricesPerHour,
                           int priceSecGranularity,
                           int priceMinSecGranularity,
                           BigDecimal costPerHour,
                           String costCurrency,
                           int costSecGranularity,
                           int costMinSecGranularity) {

    public MachineOffer {
        Objects.requireNonNull(toolchainName, "toolchainName");
        Objects.requireNonNull(fixedPrice, "fixedPrice");
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(machine, "machine");
        Objects.requireNonNull(costPerHour, "costPerHour");
        pricesPerHour = Map.copyOf(pricesPerHour);
        if (priceSecGranularity < 1 || priceMinSecGranularity < 1 || costSecGranularity < 1 || costMinSecGranularity < 1) {
            throw new IllegalArgumentException("machine " + provider + "/" + machine
                    + " has a slice granularity under one second");
        }
    }

    public Optional<Zephycoins> pricePerHour(Rank rank) {
        return Optional.ofNullable(pricesPerHour.get(rank));
    }

    /** The slices a user of {@code rank} pays on {@code nbrMachines} of this machine. */
    public SlicePlan slicePlan(Rank rank, int nbrMachines) {
        Zephycoins price = pricePerHour(rank).orElseThrow(() -> new IllegalStateException("machine " + provider
                + "/" + machine + " has no price for rank " + rank.json()));
        return new SlicePlan(price, priceMinSecGranularity, priceSecGranularity, nbrMachines, cores,
                costPerHour, costMinSecGranularity, costSecGranularity);
    }
}
