package com.zephycloud.ledger.infra.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What the traffic needs, created through the admin API: a provider, a machine billed in slices
 * of 2 s then 1 s (so that a job of a few seconds has several slices), a toolchain, and funded
 * users.
 */
record HarnessFixture(String provider, String machine, String toolchain, List<Long> users) {

    static HarnessFixture create(HarnessHttp http, int port, int userCount) {
        String provider = "fault_cloud";
        String machine = "f1.small";
        String toolchain = "fault_calc";
        ok(http.admin(port, "/admin/providers/create/", Map.of("provider_name", provider, "location", "eu",
                "type", "aws", "provider_specific", Map.of("region", "eu-west-1"))));
        ok(http.admin(port, "/admin/machines/create/", Map.ofEntries(Map.entry("provider_name", provider),
                Map.entry("machine_name", machine), Map.entry("cores", 2), Map.entry("ram", 4294967296L),
                Map.entry("availability", 100),
                Map.entry("prices", Map.of("root", 0.36, "gold", 0.72, "silver", 1.08, "bronze", 1.44)),
                Map.entry("price_sec_granularity", 1), Map.entry("price_min_sec_granularity", 2),
                Map.entry("cost_per_hour", 0.05), Map.entry("cost_currency", "dollar"),
                Map.entry("cost_sec_granularity", 1), Map.entry("cost_min_sec_granularity", 1),
                Map.entry("auto_update", false))));
        ok(http.admin(port, "/admin/toolchains/create/", Map.of("toolchain_name", toolchain, "fixed_price", 0.05,
                "machine_limit", 4, "machines", Map.of(provider, List.of(machine)))));
        List<Long> users = new ArrayList<>();
        for (int u = 0; u < userCount; u++) {
            users.add(ok(http.admin(port, "/admin/user/new/", Map.of("login", "fault." + (char) ('a' + u),
                    "email", "fault." + (char) ('a' + u) + "@example.com", "pwd", "fault-password", "rank", "gold",
                    "nbr_coins", 1_000_000))).data().asLong());
        }
        return new HarnessFixture(provider, machine, toolchain, List.copyOf(users));
    }

    private static HttpAnswer ok(HttpAnswer answer) {
        if (!answer.acknowledged()) {
            throw new IllegalStateException("setting up the harness failed: " + answer);
        }
        return answer;
    }
}
