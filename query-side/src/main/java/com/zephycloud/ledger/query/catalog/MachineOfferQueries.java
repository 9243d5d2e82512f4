package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.Optional;

/**
 * The one lookup a job submission needs: toolchain, machine and their terms, all as valid at the
 * same instant, in one SQL statement (so that no change can fall between two reads).
 */
public class MachineOfferQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public MachineOfferQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public Optional<MachineOffer> handle(FindMachineOffer query) {
        MapSqlParameterSource params = new MapSqlParameterSource("at", Micros.of(query.at()))
                .addValue("toolchain", query.toolchain()).addValue("provider", query.provider())
                .addValue("machine", query.machine());
        return jdbc.query("SELECT t.toolchain_id, t.name, t.fixed_price, t.machine_limit, v.*,"
                        + " (SELECT count(*) FROM catalog_toolchain_machine tm WHERE tm.toolchain_id = t.toolchain_id"
                        + " AND tm.valid_from_us = t.valid_from_us AND tm.provider = v.provider"
                        + " AND tm.machine = v.machine) AS allowed"
                        + " FROM catalog_toolchain_version t, catalog_machine_version v"
                        + " WHERE t.name = :toolchain AND" + Validity.validAt("t")
                        + " AND v.provider = :provider AND v.machine = :machine AND" + Validity.validAt("v"),
                params,
                (row, n) -> new MachineOffer(row.getLong("toolchain_id"), row.getString("name"),
                        com.zephycloud.ledger.kernel.Zephycoins.of(row.getBigDecimal("fixed_price")),
                        row.getInt("machine_limit"), row.getLong("allowed") > 0, query.provider(), query.machine(),
                        row.getInt("cores"), MachineQueries.prices(row), row.getInt("price_sec_granularity"),
                        row.getInt("price_min_sec_granularity"), row.getBigDecimal("cost_per_hour").stripTrailingZeros(),
                        row.getString("cost_currency"), row.getInt("cost_sec_granularity"),
                        row.getInt("cost_min_sec_granularity")))
                .stream().findFirst();
    }
}
