package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.RankPrices;
import com.zephycloud.ledger.query.common.Micros;
import com.zephycloud.ledger.query.common.SortableColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Machines at a point in time. The list is driven by {@code catalog_machine} (one row per
 * machine) and finds each machine's version by the primary key (provider, machine,
 * valid_from_us): its cost grows with the number of machines, not with their versions.
 */
public class MachineQueries {

    public static final SortableColumns ORDER = SortableColumns.of("v.machine ASC",
            "name", "v.machine", "cores", "v.cores", "ram", "v.ram", "availability", "v.availability");

    /** The version of each machine of {@code m} valid at {@code :at}. */
    static final String VERSIONS_AT = " FROM catalog_machine m JOIN catalog_machine_version v"
            + " ON v.provider = m.provider AND v.machine = m.machine AND v.valid_from_us = ("
            + "SELECT max(x.valid_from_us) FROM catalog_machine_version x"
            + " WHERE x.provider = m.provider AND x.machine = m.machine AND x.valid_from_us <= :at)"
            + " WHERE (v.valid_to_us IS NULL OR v.valid_to_us > :at)";

    static final RowMapper<MachineView> ROW = (row, n) -> new MachineView(row.getString("machine"),
            row.getInt("cores"), row.getLong("ram"), row.getInt("availability"), prices(row),
            row.getInt("price_sec_granularity"), row.getInt("price_min_sec_granularity"),
            row.getBigDecimal("cost_per_hour").stripTrailingZeros(), row.getString("cost_currency"),
            row.getInt("cost_sec_granularity"), row.getInt("cost_min_sec_granularity"), row.getBoolean("auto_update"));

    private final NamedParameterJdbcTemplate jdbc;

    public MachineQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public MachinePage handle(ListMachines query) {
        MapSqlParameterSource params = new MapSqlParameterSource("at", Micros.of(query.at()))
                .addValue("provider", query.provider());
        String where = VERSIONS_AT + " AND m.provider = :provider";
        Long total = jdbc.queryForObject("SELECT count(*)" + where, params, Long.class);
        List<MachineView> items = jdbc.query("SELECT v.*" + where + ORDER.orderBy(query.sort())
                + query.paging().sql(), params, ROW);
        return new MachinePage(items, total == null ? 0 : total);
    }

    @QueryHandler
    public Optional<MachineView> handle(FindMachine query) {
        return jdbc.query("SELECT * FROM catalog_machine_version v WHERE provider = :provider AND machine = :machine"
                        + " AND valid_from_us <= :at ORDER BY valid_from_us DESC LIMIT 1",
                new MapSqlParameterSource("at", Micros.of(query.at())).addValue("provider", query.provider())
                        .addValue("machine", query.machine()),
                (row, n) -> covers(row, Micros.of(query.at())) ? ROW.mapRow(row, n) : null)
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }

    @QueryHandler
    public MachinesByProvider handle(ListAllMachines query) {
        Map<String, List<String>> byProvider = new TreeMap<>();
        jdbc.query("SELECT v.provider, v.machine" + VERSIONS_AT + " ORDER BY v.provider, v.machine",
                new MapSqlParameterSource("at", Micros.of(query.at())),
                row -> {
                    byProvider.computeIfAbsent(row.getString("provider"), p -> new java.util.ArrayList<>())
                            .add(row.getString("machine"));
                });
        return new MachinesByProvider(byProvider);
    }

    @QueryHandler
    public MachinePriceHistory handle(ListMachinePriceHistory query) {
        return new MachinePriceHistory(jdbc.query("SELECT * FROM catalog_machine_version WHERE provider = :provider"
                        + " AND machine = :machine ORDER BY valid_from_us",
                new MapSqlParameterSource("provider", query.provider()).addValue("machine", query.machine()),
                (row, n) -> new MachineVersionView(Validity.seconds(row.getLong("valid_from_us")),
                        Validity.seconds((Long) row.getObject("valid_to_us", Long.class)), prices(row),
                        row.getBigDecimal("cost_per_hour").stripTrailingZeros(), row.getString("cost_currency"),
                        row.getBoolean("auto_update"))));
    }

    private static boolean covers(ResultSet row, long at) throws SQLException {
        long to = row.getLong("valid_to_us");
        return row.wasNull() || to > at;
    }

    static RankPrices prices(ResultSet row) throws SQLException {
        return new RankPrices(Zephycoins.of(row.getBigDecimal("price_root")), Zephycoins.of(row.getBigDecimal("price_gold")),
                Zephycoins.of(row.getBigDecimal("price_silver")), Zephycoins.of(row.getBigDecimal("price_bronze")));
    }
}
