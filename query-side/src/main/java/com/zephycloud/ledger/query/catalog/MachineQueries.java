package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.jdbc.SqlDialect;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.RankPrices;
import com.zephycloud.ledger.query.common.Sort;
import com.zephycloud.ledger.query.common.SortableColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Machines at a point in time. Lists are driven by {@code catalog_machine_period} (a row per
 * period in which a machine is offered): the count is a range over those rows, and each listed
 * machine's version is one index seek (see {@link MachineVersionsAt}), so that their cost grows
 * with the number of machines, not with their versions. At a date in the settled past, versions
 * come from memory ({@link SettledMachineVersions}).
 */
public class MachineQueries {

    /** Ordered by {@code o.machine}, the driving table's key, so that a page by name stops after its rows. */
    public static final SortableColumns ORDER = SortableColumns.of("o.machine ASC",
            "name", "o.machine", "cores", "v.cores", "ram", "v.ram", "availability", "v.availability");

    static final RowMapper<MachineView> ROW = (row, n) -> new MachineView(row.getString("machine"),
            row.getInt("cores"), row.getLong("ram"), row.getInt("availability"), prices(row),
            row.getInt("price_sec_granularity"), row.getInt("price_min_sec_granularity"),
            row.getBigDecimal("cost_per_hour").stripTrailingZeros(), row.getString("cost_currency"),
            row.getInt("cost_sec_granularity"), row.getInt("cost_min_sec_granularity"), row.getBoolean("auto_update"));

    /** Whether this projection's tables are being rebuilt (rows of {@code projection_rebuild}), in SQL. */
    private static final String REBUILDING = "EXISTS (SELECT 1 FROM projection_rebuild WHERE processor_name = '"
            + MachineProjection.PROCESSING_GROUP + "')";

    /** Machines per statement that reads the versions a settled page lacks. */
    private static final int MAX_IN_LIST = 500;

    private final NamedParameterJdbcTemplate jdbc;
    private final String versionsAt;
    private final SettledMachineVersions settledVersions;

    public MachineQueries(NamedParameterJdbcTemplate jdbc, SqlDialect dialect, SettledMachineVersions settledVersions) {
        this.jdbc = jdbc;
        this.versionsAt = MachineVersionsAt.from(dialect);
        this.settledVersions = settledVersions;
    }

    @QueryHandler
    public MachinePage handle(ListMachines query) {
        long at = Micros.of(query.at());
        MapSqlParameterSource params = new MapSqlParameterSource("at", at).addValue("provider", query.provider());
        Long total = jdbc.queryForObject("SELECT count(*)" + MachineVersionsAt.OFFERED + " AND o.provider = :provider",
                params, Long.class);
        List<MachineView> items = settledVersions.isSettled(at) && byNameOnly(query.sort())
                ? settledPage(query, at, params)
                : jdbc.query("SELECT v.*" + versionsAt + " AND o.provider = :provider"
                        + ORDER.orderBy(query.sort()) + query.paging().sql(), params, ROW);
        return new MachinePage(items, total == null ? 0 : total);
    }

    /**
     * A page at a settled date ({@link SettledMachineVersions}): its machines from the periods,
     * their versions from memory, and those not kept yet in one more statement, which keeps them.
     * At a settled date nothing changes between the two statements.
     */
    private List<MachineView> settledPage(ListMachines query, long at, MapSqlParameterSource params) {
        List<String> names = jdbc.queryForList("SELECT o.machine" + MachineVersionsAt.OFFERED
                + " AND o.provider = :provider" + ORDER.orderBy(query.sort()) + query.paging().sql(), params, String.class);
        Map<String, MachineView> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            MachineView kept = settledVersions.at(query.provider(), name, at);
            if (kept != null) {
                found.put(name, kept);
            } else {
                missing.add(name);
            }
        }
        for (int from = 0; from < missing.size(); from += MAX_IN_LIST) {
            jdbc.query("SELECT v.*, " + REBUILDING + " AS rebuilding" + versionsAt
                            + " AND o.provider = :provider AND o.machine IN (:machines)",
                    new MapSqlParameterSource(params.getValues())
                            .addValue("machines", missing.subList(from, Math.min(missing.size(), from + MAX_IN_LIST))),
                    (RowCallbackHandler) row -> found.put(row.getString("machine"), keep(query.provider(), row)));
        }
        return names.stream().map(found::get).filter(Objects::nonNull).toList();
    }

    /** Ordered by name alone (the default order included), a page needs no version to be chosen. */
    private static boolean byNameOnly(Sort sort) {
        return sort.keys().stream().allMatch(key -> key.field().equals("name"));
    }

    /** A row of {@code catalog_machine_version} (with {@code rebuilding}), offered to the settled versions. */
    private MachineView keep(String provider, ResultSet row) throws SQLException {
        MachineView view = ROW.mapRow(row, 0);
        settledVersions.offer(provider, row.getString("machine"), row.getLong("valid_from_us"),
                row.getObject("valid_to_us", Long.class), view, row.getBoolean("rebuilding"));
        return view;
    }

    /**
     * A settled version (see {@link SettledMachineVersions}) comes from memory; any other from
     * the read model, which also says whether the catalog is being rebuilt, with its validity
     * range (see {@link RecentMachineVersions}).
     */
    @QueryHandler
    public Optional<MachineVersionAt> handle(FindMachine query) {
        long at = Micros.of(query.at());
        MachineView settled = settledVersions.at(query.provider(), query.machine(), at);
        if (settled != null) {
            return Optional.of(MachineVersionAt.settled(settled));
        }
        // At most one version is valid at :at; the order and limit make the search one
        // descending seek from :at instead of a scan of every earlier version.
        return jdbc.query("SELECT v.*, " + REBUILDING + " AS rebuilding FROM catalog_machine_version v"
                        + " WHERE provider = :provider AND machine = :machine"
                        + " AND" + Validity.validAt("v") + " ORDER BY valid_from_us DESC LIMIT 1",
                new MapSqlParameterSource("at", at).addValue("provider", query.provider())
                        .addValue("machine", query.machine()),
                (row, n) -> new MachineVersionAt(keep(query.provider(), row), row.getLong("valid_from_us"),
                        row.getObject("valid_to_us", Long.class), true, row.getBoolean("rebuilding")))
                .stream().findFirst();
    }

    @QueryHandler
    public MachinesByProvider handle(ListAllMachines query) {
        Map<String, List<String>> byProvider = new TreeMap<>();
        jdbc.query("SELECT o.provider, o.machine" + MachineVersionsAt.OFFERED + " ORDER BY o.provider, o.machine",
                new MapSqlParameterSource("at", Micros.of(query.at())),
                row -> {
                    byProvider.computeIfAbsent(row.getString("provider"), p -> new ArrayList<>())
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

    static RankPrices prices(ResultSet row) throws SQLException {
        return new RankPrices(Zephycoins.of(row.getBigDecimal("price_root")), Zephycoins.of(row.getBigDecimal("price_gold")),
                Zephycoins.of(row.getBigDecimal("price_silver")), Zephycoins.of(row.getBigDecimal("price_bronze")));
    }
}
