package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.MachineSpec;
import com.zephycloud.ledger.kernel.catalog.PricingConstants;
import com.zephycloud.ledger.kernel.catalog.RankMargins;
import com.zephycloud.ledger.kernel.catalog.RankPrices;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/** The reference's example values, shared by the catalog's fixture tests. */
final class CatalogFixtures {

    static final Instant T0 = Instant.ofEpochSecond(1_700_000_000);

    private CatalogFixtures() {
    }

    static BigDecimal d(String value) {
        return new BigDecimal(value).setScale(Amounts.SCALE);
    }

    static RankPrices prices(String root, String gold, String silver, String bronze) {
        return new RankPrices(Zephycoins.of(root), Zephycoins.of(gold), Zephycoins.of(silver), Zephycoins.of(bronze));
    }

    static Map<String, BigDecimal> priceMap(String root, String gold, String silver, String bronze) {
        return Map.of("root", new BigDecimal(root), "gold", new BigDecimal(gold), "silver", new BigDecimal(silver),
                "bronze", new BigDecimal(bronze));
    }

    /** c5.xlarge as the reference shows it. */
    static MachineSpec c5xlarge(boolean autoUpdate) {
        return new MachineSpec(4, 8_589_934_592L, 400, prices("0.19", "0.38", "0.76", "1.9"), 500, 500,
                d("0.025"), "dollar", 1, 60, autoUpdate);
    }

    static CreateMachine create(MachineSpec spec, Map<String, BigDecimal> prices, Instant effectiveDate) {
        return new CreateMachine("aws_eu", "c5.xlarge", spec.cores(), spec.ram(), spec.availability(), prices,
                spec.priceSecGranularity(), spec.priceMinSecGranularity(), spec.costPerHour(), spec.costCurrency(),
                spec.costSecGranularity(), spec.costMinSecGranularity(), spec.autoUpdate(), T0, effectiveDate);
    }

    static CreateMachine create(MachineSpec spec) {
        return create(spec, priceMap("0.19", "0.38", "0.76", "1.9"), null);
    }

    /** The reference's constants: zephycoin 4 euro, margins 1/2/4/10, security margin 0.05. */
    static PricingConstants constants(String zephycoinPrice) {
        return new PricingConstants("dollar", 1, 60, "euro", 300, 300, d("0.05"), d("0.05"), d(zephycoinPrice),
                new RankMargins(d("1"), d("2"), d("4"), d("10")), Zephycoins.of("0.01"));
    }

    static PricingInputs inputs(String zephycoinPrice, String dollarToEuro) {
        return new PricingInputs(constants(zephycoinPrice), Map.of("dollar", d(dollarToEuro)));
    }

    static MachineChange change() {
        return new MachineChange(null, null, null, null, null, null, null, null, null, null, null);
    }
}
