package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.catalog.ExchangeRateSet;
import com.zephycloud.ledger.kernel.events.catalog.PricingConstantsChanged;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static com.zephycloud.ledger.command.catalog.CatalogFixtures.T0;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.constants;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.d;
import static org.hamcrest.Matchers.containsString;

class PricingPolicyTest {

    private AggregateTestFixture<PricingPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PricingPolicy.class);
        MachineDirectory noMachines = new MachineDirectory() {
            @Override
            public boolean isOffered(String provider, String machine) {
                return false;
            }

            @Override
            public List<String> offeredFrom(java.time.Instant from) {
                return List.of();
            }
        };
        fixture.registerAnnotatedCommandHandler(new PricingChanges(fixture.getRepository(), null, noMachines));
    }

    private static PricingConstantsChange all() {
        return new PricingConstantsChange("dollar", 1, 60, "euro", 300, 300, new BigDecimal("0.05"),
                new BigDecimal("0.05"), new BigDecimal("4"),
                Map.of("root", BigDecimal.ONE, "gold", BigDecimal.valueOf(2), "silver", BigDecimal.valueOf(4),
                        "bronze", BigDecimal.TEN), Zephycoins.of("0.01"));
    }

    private static PricingConstantsChange zephycoinPrice(String value) {
        return new PricingConstantsChange(null, null, null, null, null, null, null, null, new BigDecimal(value), null,
                null);
    }

    @Test
    void theFirstChangeSetsEveryConstant() {
        fixture.givenNoPriorActivity()
                .when(new ChangePricingConstants(all(), T0, null))
                .expectEvents(new PricingConstantsChanged(constants("4"), T0));
    }

    @Test
    void theFirstChangeMustGiveEveryConstant() {
        fixture.givenNoPriorActivity()
                .when(new ChangePricingConstants(zephycoinPrice("5"), T0, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("missing: default_cost_currency"));
    }

    @Test
    void aLaterChangeKeepsTheOtherConstants() {
        fixture.given(new PricingConstantsChanged(constants("4"), T0))
                .when(new ChangePricingConstants(zephycoinPrice("5"), T0.plusSeconds(1), null))
                .expectEvents(new PricingConstantsChanged(constants("5"), T0.plusSeconds(1)));
    }

    @Test
    void aZephycoinPriceOfZeroIsRefused() {
        fixture.given(new PricingConstantsChanged(constants("4"), T0))
                .when(new ChangePricingConstants(zephycoinPrice("0"), T0, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("zephycoin_price: must be more than zero, got 0");
    }

    @Test
    void aRateIsStoredWithItsEffectiveDate() {
        fixture.givenNoPriorActivity()
                .when(new SetExchangeRate("dollar", new BigDecimal("0.85"), T0, T0.plusSeconds(100)))
                .expectEvents(new ExchangeRateSet("dollar", d("0.85"), T0.plusSeconds(100)));
    }

    @Test
    void aPricingChangeBeforeAScheduledOneIsRefused() {
        fixture.given(new ExchangeRateSet("dollar", d("0.85"), T0.plusSeconds(100)))
                .when(new SetExchangeRate("yuan", new BigDecimal("0.13"), T0, null))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("a pricing change is scheduled at"));
    }

    @Test
    void theEuroRateCannotBeSet() {
        fixture.givenNoPriorActivity()
                .when(new SetExchangeRate("euro", new BigDecimal("2"), T0, null))
                .expectException(IllegalArgumentException.class);
    }
}
