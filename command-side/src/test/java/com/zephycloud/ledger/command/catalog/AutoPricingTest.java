package com.zephycloud.ledger.command.catalog;

import org.junit.jupiter.api.Test;

import static com.zephycloud.ledger.command.catalog.CatalogFixtures.d;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.inputs;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.prices;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AutoPricingTest {

    /**
     * By hand: 0.025 dollar/h × 0.85 = 0.02125 euro/h; × 1.05 (security) = 0.0223125; / 4 euro per
     * zephycoin = 0.005578125 zephycoin/h; × margins 1, 2, 4, 10 = 0.005578125, 0.01115625,
     * 0.0223125, 0.05578125; rounded half-even to 8 decimals: 0.00557812 (…125 → …12).
     */
    @Test
    void referenceConstantsPriceC5XlargeAsWorkedByHand() {
        assertThat(AutoPricing.prices(d("0.025"), "dollar", inputs("4", "0.85")))
                .isEqualTo(prices("0.00557812", "0.01115625", "0.0223125", "0.05578125"));
    }

    /** 2 euro/h × 1.05 / 0.5 = 4.2 zephycoin/h at margin 1: no exchange for a cost in euro. */
    @Test
    void aCostInEuroIsNotConverted() {
        assertThat(AutoPricing.prices(d("2"), "euro", inputs("0.5", "0.85")))
                .isEqualTo(prices("4.2", "8.4", "16.8", "42"));
    }

    /** Default currency dollar (0.85 euro): 10 euro/h = 11.76470588… dollar/h; / 4 × 1.05 = 3.08823529… */
    @Test
    void aCostIsConvertedToTheDefaultCurrencyThroughTheEuro() {
        var constants = CatalogFixtures.constants("4");
        var dollarDefault = new PricingInputs(new com.zephycloud.ledger.kernel.catalog.PricingConstants(
                constants.defaultCostCurrency(), 1, 60, "dollar", 300, 300, constants.openfoamDonations(),
                constants.securityMargin(), constants.zephycoinPrice(), constants.margins(),
                constants.storagePricePerDay()), java.util.Map.of("dollar", d("0.85")));
        // 10 × 1.05 / (0.85 × 4) = 10.5 / 3.4 = 3.088235294… -> 3.08823529
        assertThat(AutoPricing.prices(d("10"), "euro", dollarDefault).root().value()).isEqualByComparingTo("3.08823529");
    }

    @Test
    void aCurrencyWithoutRateCannotBePriced() {
        assertThatThrownBy(() -> AutoPricing.prices(d("1"), "yuan", inputs("4", "0.85")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no exchange rate for currency 'yuan'");
    }
}
