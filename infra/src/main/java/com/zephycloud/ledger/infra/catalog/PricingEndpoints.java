package com.zephycloud.ledger.infra.catalog;

import com.zephycloud.ledger.command.catalog.ChangePricingConstants;
import com.zephycloud.ledger.command.catalog.PricingConstantsChange;
import com.zephycloud.ledger.command.catalog.SetExchangeRate;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import com.zephycloud.ledger.infra.messaging.Commands;
import com.zephycloud.ledger.infra.messaging.Queries;
import com.zephycloud.ledger.query.catalog.ExchangeRateList;
import com.zephycloud.ledger.query.catalog.FindPricingConstants;
import com.zephycloud.ledger.query.catalog.ListExchangeRates;
import com.zephycloud.ledger.query.catalog.PricingConstantsView;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Pricing constants ("Reports / pricing constants") and exchange rates ({@code currencies}), both versioned. */
@RestController
@RequestMapping("/admin")
public class PricingEndpoints {

    private final Commands commands;
    private final Queries queries;
    private final Clock clock;

    public PricingEndpoints(Commands commands, Queries queries, Clock clock) {
        this.commands = commands;
        this.queries = queries;
        this.clock = clock;
    }

    @RequestMapping(path = "/reports/pricing_constants", method = {GET, POST})
    public ApiResponse pricingConstants(ApiParams params) {
        FindPricingConstants query = new FindPricingConstants(CatalogParams.date(params, clock));
        params.done();
        return ApiResponse.ok(queries.find(query, PricingConstantsView.class).orElseThrow(() -> new ApiException(
                HttpStatus.NOT_FOUND, "no pricing constants were set at date " + query.at().getEpochSecond()
                + "; set them with reports/pricing_constants/update")));
    }

    @RequestMapping(path = "/reports/pricing_constants/update", method = {GET, POST})
    public ApiResponse updatePricingConstants(ApiParams params) {
        PricingConstantsChange change = new PricingConstantsChange(params.optionalText("default_cost_currency"),
                CatalogParams.integer(params, "default_cost_sec_granularity"),
                CatalogParams.integer(params, "default_cost_min_sec_granularity"),
                params.optionalText("default_currency"),
                CatalogParams.integer(params, "default_price_sec_granularity"),
                CatalogParams.integer(params, "default_price_min_sec_granularity"),
                params.optionalDecimal("openfoam_donations"), params.optionalDecimal("security_margin"),
                params.optionalDecimal("zephycoin_price"), CatalogParams.numbers(params, "margins"),
                params.optionalCoins("storage_price_per_day"));
        Instant effectiveDate = params.optionalEpochSeconds("effective_date");
        if (change.isEmpty()) {
            params.reject("give at least one pricing constant to change");
        }
        params.done();
        commands.send(new ChangePricingConstants(change, clock.instant(), effectiveDate));
        return ApiResponse.ok();
    }

    @RequestMapping(path = "/currencies", method = {GET, POST})
    public ApiResponse currencies(ApiParams params) {
        ListExchangeRates query = new ListExchangeRates(CatalogParams.date(params, clock));
        params.done();
        return ApiResponse.ok(queries.ask(query, ExchangeRateList.class).rates());
    }

    @RequestMapping(path = "/currencies/set", method = {GET, POST})
    public ApiResponse setRate(ApiParams params) {
        String currency = params.requiredText("currency");
        BigDecimal rate = params.optionalDecimal("rate_to_euro");
        if (!params.has("rate_to_euro")) {
            params.reject("rate_to_euro: is required, expected a positive number of euros per unit");
        }
        Instant effectiveDate = params.optionalEpochSeconds("effective_date");
        params.done();
        commands.send(new SetExchangeRate(currency, rate, clock.instant(), effectiveDate));
        return ApiResponse.ok();
    }
}
