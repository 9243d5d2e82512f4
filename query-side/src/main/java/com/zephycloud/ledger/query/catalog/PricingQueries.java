package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import org.axonframework.queryhandling.QueryHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Pricing constants and exchange rates at any instant (the reports and computations read these). */
public class PricingQueries {

    private final NamedParameterJdbcTemplate jdbc;

    public PricingQueries(NamedParameterJdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @QueryHandler
    public ExchangeRates handle(FindExchangeRates query) {
        Map<String, BigDecimal> rates = new TreeMap<>();
        rates.put("euro", BigDecimal.ONE);
        handle(new ListExchangeRates(query.at())).rates()
                .forEach(rate -> rates.put(rate.currency(), rate.rateToEuro()));
        return new ExchangeRates(rates);
    }

    @QueryHandler
    public ExchangeRateList handle(ListExchangeRates query) {
        return new ExchangeRateList(jdbc.query("SELECT * FROM catalog_exchange_rate_version r WHERE"
                        + Validity.validAt("r") + " ORDER BY currency",
                new MapSqlParameterSource("at", Micros.of(query.at())),
                (row, n) -> new ExchangeRateView(row.getString("currency"),
                        row.getBigDecimal("rate_to_euro").stripTrailingZeros(),
                        Validity.seconds(row.getLong("valid_from_us")),
                        Validity.seconds(row.getObject("valid_to_us", Long.class)))));
    }

    @QueryHandler
    public Optional<PricingConstantsView> handle(FindPricingConstants query) {
        Map<String, BigDecimal> rates = handle(new FindExchangeRates(query.at())).currencyToEuro();
        return jdbc.query("SELECT * FROM catalog_pricing_version p WHERE" + Validity.validAt("p"),
                new MapSqlParameterSource("at", Micros.of(query.at())),
                (row, n) -> {
                    Map<String, BigDecimal> margins = new LinkedHashMap<>();
                    for (String rank : new String[]{"root", "gold", "silver", "bronze"}) {
                        margins.put(rank, row.getBigDecimal("margin_" + rank).stripTrailingZeros());
                    }
                    return new PricingConstantsView(row.getString("default_cost_currency"),
                            row.getInt("default_cost_sec_granularity"), row.getInt("default_cost_min_sec_granularity"),
                            row.getString("default_currency"), row.getInt("default_price_sec_granularity"),
                            row.getInt("default_price_min_sec_granularity"),
                            row.getBigDecimal("openfoam_donations").stripTrailingZeros(),
                            row.getBigDecimal("security_margin").stripTrailingZeros(),
                            row.getBigDecimal("zephycoin_price").stripTrailingZeros(), margins, rates,
                            row.getBigDecimal("storage_price_per_day").stripTrailingZeros());
                }).stream().findFirst();
    }
}
