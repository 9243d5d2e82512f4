package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.common.SortableColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Toolchains at a point in time, and which machines they allow: a machine is listed only while
 * both the toolchain version and the machine itself are valid.
 */
public class ToolchainQueries {

    public static final SortableColumns ORDER = SortableColumns.of("t.name ASC",
            "name", "t.name", "fixed_price", "t.fixed_price", "machine_limit", "t.machine_limit");

    private static final RowMapper<ToolchainView> ROW = (row, n) -> new ToolchainView(row.getLong("toolchain_id"),
            row.getString("name"), Zephycoins.of(row.getBigDecimal("fixed_price")), row.getInt("machine_limit"));

    /** Machines of toolchain version {@code t} that are offered at {@code :at}. */
    private static final String OFFERED_MACHINES = " FROM catalog_toolchain_machine tm"
            + " JOIN catalog_machine_version v ON v.provider = tm.provider AND v.machine = tm.machine"
            + " AND" + Validity.validAt("v");

    private final NamedParameterJdbcTemplate jdbc;

    public ToolchainQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ToolchainPage handle(ListToolchains query) {
        MapSqlParameterSource params = new MapSqlParameterSource("at", Micros.of(query.at()));
        String from = " FROM catalog_toolchain_version t WHERE" + Validity.validAt("t");
        Long total = jdbc.queryForObject("SELECT count(*)" + from, params, Long.class);
        return new ToolchainPage(jdbc.query("SELECT t.*" + from + ORDER.orderBy(query.sort()) + query.paging().sql(),
                params, ROW), total == null ? 0 : total);
    }

    @QueryHandler
    public Optional<ToolchainView> handle(FindToolchain query) {
        return jdbc.query("SELECT t.* FROM catalog_toolchain_version t WHERE t.name = :name AND" + Validity.validAt("t"),
                new MapSqlParameterSource("at", Micros.of(query.at())).addValue("name", query.name()), ROW)
                .stream().findFirst();
    }

    @QueryHandler
    public MachinesByProvider handle(ListToolchainMachines query) {
        MapSqlParameterSource params = new MapSqlParameterSource("at", Micros.of(query.at()))
                .addValue("name", query.toolchain()).addValue("provider", query.provider());
        Map<String, List<String>> machines = new TreeMap<>();
        jdbc.query("SELECT tm.provider, tm.machine" + OFFERED_MACHINES
                        + " JOIN catalog_toolchain_version t ON t.toolchain_id = tm.toolchain_id"
                        + " AND t.valid_from_us = tm.valid_from_us AND" + Validity.validAt("t")
                        + " WHERE t.name = :name" + (query.provider() == null ? "" : " AND tm.provider = :provider")
                        + " ORDER BY tm.provider, tm.machine", params,
                row -> {
                    machines.computeIfAbsent(row.getString("provider"), p -> new ArrayList<>()).add(row.getString("machine"));
                });
        return new MachinesByProvider(machines);
    }

    @QueryHandler
    public NameList handle(ListMachineToolchains query) {
        return new NameList(jdbc.queryForList("SELECT t.name FROM catalog_toolchain_machine tm"
                        + " JOIN catalog_toolchain_version t ON t.toolchain_id = tm.toolchain_id"
                        + " AND t.valid_from_us = tm.valid_from_us AND" + Validity.validAt("t")
                        + " WHERE tm.provider = :provider AND tm.machine = :machine ORDER BY t.name",
                new MapSqlParameterSource("at", Micros.of(query.at())).addValue("provider", query.provider())
                        .addValue("machine", query.machine()), String.class));
    }
}
