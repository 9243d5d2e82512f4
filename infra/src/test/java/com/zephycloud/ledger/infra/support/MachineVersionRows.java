package com.zephycloud.ledger.infra.support;

/**
 * Statements that write the machines' read model directly, for histories the API cannot make:
 * versions in the past (changes cannot be back-dated), or a million of them for a benchmark.
 */
public final class MachineVersionRows {

    /**
     * One row of {@code catalog_machine_version}. Parameters in order: provider, machine,
     * valid_from_us, valid_to_us (null: still valid), cores, ram, availability, price_root,
     * price_gold, price_silver, price_bronze, price_sec_granularity, price_min_sec_granularity,
     * cost_per_hour, cost_currency, cost_sec_granularity, cost_min_sec_granularity, auto_update.
     */
    public static final String INSERT_VERSION = "INSERT INTO catalog_machine_version (provider, machine,"
            + " valid_from_us, valid_to_us, cores, ram, availability, price_root, price_gold, price_silver,"
            + " price_bronze, price_sec_granularity, price_min_sec_granularity, cost_per_hour, cost_currency,"
            + " cost_sec_granularity, cost_min_sec_granularity, auto_update)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

    /**
     * A period of {@code catalog_machine_period} that has not ended, as the projection writes for
     * a machine created and not removed. Parameters: provider, machine, valid_from_us.
     */
    public static final String INSERT_OPEN_PERIOD = "INSERT INTO catalog_machine_period (provider, machine,"
            + " valid_from_us, valid_to_us) VALUES (?, ?, ?, NULL)";

    private MachineVersionRows() {
    }
}
