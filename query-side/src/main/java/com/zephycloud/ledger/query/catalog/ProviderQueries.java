package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.query.common.SortableColumns;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class ProviderQueries {

    public static final SortableColumns ORDER = SortableColumns.of("p.provider ASC",
            "name", "p.provider", "location", "p.location", "type", "p.type");

    private final NamedParameterJdbcTemplate jdbc;

    public ProviderQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ProviderPage handle(ListProviders query) {
        MapSqlParameterSource params = new MapSqlParameterSource("at", Micros.of(query.at()));
        String from = " FROM catalog_provider_version p WHERE" + Validity.validAt("p");
        Long total = jdbc.queryForObject("SELECT count(*)" + from, params, Long.class);
        List<ProviderView> items = jdbc.query("SELECT p.provider, p.valid_from_us, p.location, p.type" + from
                        + ORDER.orderBy(query.sort()) + query.paging().sql(), params,
                (row, n) -> new ProviderView(row.getString("provider"), row.getString("location"), row.getString("type"),
                        specific(row.getString("provider"), row.getLong("valid_from_us"))));
        return new ProviderPage(items, total == null ? 0 : total);
    }

    private Map<String, String> specific(String provider, long validFrom) {
        Map<String, String> fields = new TreeMap<>();
        jdbc.query("SELECT field_name, field_value FROM catalog_provider_specific WHERE provider = :provider AND valid_from_us = :from",
                new MapSqlParameterSource("provider", provider).addValue("from", validFrom),
                row -> {
                    fields.put(row.getString("field_name"), row.getString("field_value"));
                });
        return fields;
    }
}
