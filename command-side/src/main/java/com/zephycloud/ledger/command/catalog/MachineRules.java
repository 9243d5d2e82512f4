package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.catalog.MachineSpec;

/** What a machine description must satisfy, whether it is created or changed. */
public final class MachineRules {

    private MachineRules() {
    }

    public static MachineSpec check(MachineSpec spec) {
        atLeast(spec.cores(), 1, "cores");
        if (spec.ram() < 1) {
            throw new IllegalArgumentException("ram: must be a positive number of bytes, got " + spec.ram());
        }
        atLeast(spec.availability(), 0, "availability");
        atLeast(spec.priceSecGranularity(), 1, "price_sec_granularity");
        atLeast(spec.priceMinSecGranularity(), 1, "price_min_sec_granularity");
        atLeast(spec.costSecGranularity(), 1, "cost_sec_granularity");
        atLeast(spec.costMinSecGranularity(), 1, "cost_min_sec_granularity");
        if (spec.costPerHour() == null) {
            throw new IllegalArgumentException("cost_per_hour: is required, expected a number");
        }
        Amounts.atLeastZero(spec.costPerHour(), "cost_per_hour");
        CatalogNames.checkCurrency(spec.costCurrency());
        return spec;
    }

    private static void atLeast(int value, int min, String parameter) {
        if (value < min) {
            throw new IllegalArgumentException(parameter + ": must be " + (min == 0 ? "zero or more" : "at least " + min)
                    + (parameter.contains("granularity") ? " seconds" : "") + ", got " + value);
        }
    }
}
