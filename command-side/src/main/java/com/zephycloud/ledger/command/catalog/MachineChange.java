package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.catalog.MachineSpec;

import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/** The fields an update gives; null keeps the current value. {@code prices} may name only some ranks. */
public record MachineChange(Integer cores,
                            Long ram,
                            Integer availability,
                            Map<String, BigDecimal> prices,
                            Integer priceSecGranularity,
                            Integer priceMinSecGranularity,
                            BigDecimal costPerHour,
                            String costCurrency,
                            Integer costSecGranularity,
                            Integer costMinSecGranularity,
                            Boolean autoUpdate) {

    public boolean isEmpty() {
        return Stream.of(cores, ram, availability, prices, priceSecGranularity, priceMinSecGranularity, costPerHour,
                costCurrency, costSecGranularity, costMinSecGranularity, autoUpdate).allMatch(Objects::isNull);
    }

    public MachineSpec applyTo(MachineSpec spec) {
        return MachineRules.check(new MachineSpec(
                cores == null ? spec.cores() : cores,
                ram == null ? spec.ram() : ram,
                availability == null ? spec.availability() : availability,
                prices == null ? spec.prices() : PriceList.merge(spec.prices(), prices),
                priceSecGranularity == null ? spec.priceSecGranularity() : priceSecGranularity,
                priceMinSecGranularity == null ? spec.priceMinSecGranularity() : priceMinSecGranularity,
                costPerHour == null ? spec.costPerHour() : Amounts.atLeastZero(costPerHour, "cost_per_hour"),
                costCurrency == null ? spec.costCurrency() : costCurrency,
                costSecGranularity == null ? spec.costSecGranularity() : costSecGranularity,
                costMinSecGranularity == null ? spec.costMinSecGranularity() : costMinSecGranularity,
                autoUpdate == null ? spec.autoUpdate() : autoUpdate));
    }

    /**
     * Whether the change triggers automatic pricing of a machine that is {@code before}: its cost
     * or currency changes, or automatic pricing is switched on, and no prices are given by hand.
     */
    public boolean triggersRepricing(MachineSpec before, MachineSpec after) {
        return after.autoUpdate() && prices == null
                && (!before.autoUpdate()
                || before.costPerHour().compareTo(after.costPerHour()) != 0
                || !before.costCurrency().equals(after.costCurrency()));
    }
}
