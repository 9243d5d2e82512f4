package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What a toolchain must satisfy: a fixed price of zero or more, at least one machine, known machines. */
public final class ToolchainRules {

    private ToolchainRules() {
    }

    public static Zephycoins checkFixedPrice(Zephycoins fixedPrice) {
        if (fixedPrice == null || fixedPrice.isNegative()) {
            throw new IllegalArgumentException("fixed_price: must be zero or more zephycoins, got " + fixedPrice);
        }
        return fixedPrice;
    }

    public static int checkMachineLimit(int machineLimit) {
        if (machineLimit < 1) {
            throw new IllegalArgumentException("machine_limit: must be at least 1 (2 or more is a cluster), got "
                    + machineLimit);
        }
        return machineLimit;
    }

    /** The machines, sorted and without duplicates, each offered now. */
    public static Map<String, List<String>> checkMachines(Map<String, List<String>> machines, MachineDirectory directory) {
        Map<String, List<String>> checked = new TreeMap<>();
        List<String> unknown = new ArrayList<>();
        machines.forEach((provider, names) -> {
            List<String> sorted = names.stream().distinct().sorted().toList();
            for (String name : sorted) {
                if (!directory.isOffered(provider, name)) {
                    unknown.add(provider + "/" + name);
                }
            }
            checked.put(provider, sorted);
        });
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("machines: unknown machines " + String.join(", ", unknown)
                    + "; name machines that machines/list shows, as {\"provider\": [\"machine\", ...]}");
        }
        return checked;
    }
}
