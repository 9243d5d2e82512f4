package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.events.catalog.MachineCreated;
import com.zephycloud.ledger.kernel.events.catalog.MachineRemoved;
import com.zephycloud.ledger.kernel.events.catalog.MachineRepriced;
import com.zephycloud.ledger.kernel.catalog.MachineSpec;
import com.zephycloud.ledger.kernel.events.catalog.MachineUpdated;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static com.zephycloud.ledger.command.catalog.CatalogFixtures.T0;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.c5xlarge;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.change;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.create;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.d;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.inputs;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.priceMap;
import static com.zephycloud.ledger.command.catalog.CatalogFixtures.prices;
import static org.hamcrest.Matchers.containsString;

class MachineTest {

    private static final Instant LATER = T0.plusSeconds(3600);
    private static final Instant MUCH_LATER = T0.plusSeconds(7200);

    /** Pricing inputs over time, as the register would answer. */
    private final TreeMap<Instant, PricingInputs> pricing = new TreeMap<>();
    private AggregateTestFixture<Machine> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Machine.class);
        fixture.registerInjectableResource((ProviderDirectory) "aws_eu"::equals);
        fixture.registerInjectableResource(new PricingHistory() {
            @Override
            public Optional<PricingInputs> at(Instant at) {
                return Optional.ofNullable(pricing.floorEntry(at)).map(Map.Entry::getValue);
            }

            @Override
            public List<Instant> changesAfter(Instant after) {
                return new ArrayList<>(pricing.tailMap(after, false).keySet());
            }
        });
    }

    private static MachineCreated created(MachineSpec spec) {
        return new MachineCreated("aws_eu", "c5.xlarge", spec, T0);
    }

    private static UpdateMachine update(MachineChange change, Instant effectiveDate) {
        return new UpdateMachine("aws_eu", "c5.xlarge", change, T0, effectiveDate);
    }

    private static MachineChange availability(int value) {
        return new MachineChange(null, null, value, null, null, null, null, null, null, null, null);
    }

    private static MachineChange cost(String value) {
        return new MachineChange(null, null, null, null, null, null, new BigDecimal(value), null, null, null, null);
    }

    @Test
    void creatingAMachineOffersItFromNow() {
        fixture.givenNoPriorActivity()
                .when(create(c5xlarge(false)))
                .expectEvents(created(c5xlarge(false)));
    }

    @Test
    void creatingAnExistingMachineIsRefused() {
        fixture.given(created(c5xlarge(false)))
                .when(create(c5xlarge(false)))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("machine 'c5.xlarge' already exists at provider 'aws_eu'; change it with machines/update");
    }

    @Test
    void creatingAMachineOfAnUnknownProviderIsRefused() {
        CreateMachine command = create(c5xlarge(false));
        fixture.givenNoPriorActivity()
                .when(new CreateMachine("gcp", "n1", 1, 1, 1, command.prices(), 1, 1, BigDecimal.ONE, "dollar", 1, 1,
                        false, T0, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("unknown provider 'gcp'"));
    }

    @Test
    void anUnknownRankInPricesIsRefused() {
        fixture.givenNoPriorActivity()
                .when(create(c5xlarge(false), Map.of("root", BigDecimal.ONE, "platinum", BigDecimal.TEN), null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("unknown rank 'platinum'"));
    }

    @Test
    void aZeroGranularityIsRefused() {
        MachineSpec spec = c5xlarge(false);
        fixture.givenNoPriorActivity()
                .when(create(new MachineSpec(4, 1, 1, spec.prices(), 0, 500, d("1"), "dollar", 1, 60, false)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("price_sec_granularity: must be at least 1 seconds, got 0");
    }

    @Test
    void aNegativeGranularityIsRefusedOnUpdate() {
        fixture.given(created(c5xlarge(false)))
                .when(update(new MachineChange(null, null, null, null, null, null, null, null, -5, null, null), null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("cost_sec_granularity: must be at least 1 seconds, got -5")
                .expectNoEvents();
    }

    @Test
    void aNegativeAvailabilityIsRefused() {
        fixture.given(created(c5xlarge(false)))
                .when(update(availability(-1), null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("availability: must be zero or more, got -1");
    }

    @Test
    void anUpdateWithoutFieldsIsRefused() {
        fixture.given(created(c5xlarge(false)))
                .when(update(change(), null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("give at least one field to change"));
    }

    @Test
    void updatingAMissingMachineIsNotFound() {
        fixture.givenNoPriorActivity()
                .when(update(availability(3), null))
                .expectException(AggregateNotFoundException.class);
    }

    @Test
    void aBackDatedChangeIsRefused() {
        fixture.given(created(c5xlarge(false)))
                .when(update(availability(3), T0.minusSeconds(1)))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("cannot be back-dated"));
    }

    @Test
    void aScheduledChangeTakesEffectAtItsDate() {
        fixture.given(created(c5xlarge(false)))
                .when(update(availability(3), LATER))
                .expectEvents(new MachineUpdated("aws_eu", "c5.xlarge",
                        new MachineSpec(4, 8_589_934_592L, 3, c5xlarge(false).prices(), 500, 500, d("0.025"), "dollar",
                                1, 60, false), LATER));
    }

    @Test
    void aChangeBeforeAScheduledOneIsCarriedIntoIt() {
        MachineSpec scheduled = new MachineSpec(4, 8_589_934_592L, 3, c5xlarge(false).prices(), 500, 500, d("0.025"),
                "dollar", 1, 60, false);
        MachineSpec withPrices = c5xlarge(false).withPrices(prices("1", "0.38", "0.76", "1.9"));
        fixture.given(created(c5xlarge(false)), new MachineUpdated("aws_eu", "c5.xlarge", scheduled, MUCH_LATER))
                .when(update(new MachineChange(null, null, null, Map.of("root", BigDecimal.ONE), null, null, null, null,
                        null, null, null), LATER))
                .expectEvents(new MachineUpdated("aws_eu", "c5.xlarge", withPrices, LATER),
                        new MachineUpdated("aws_eu", "c5.xlarge", scheduled.withPrices(withPrices.prices()), MUCH_LATER));
    }

    @Test
    void aCostChangeRepricesAnAutomaticMachine() {
        pricing.put(T0.minusSeconds(10), inputs("4", "0.85"));
        MachineSpec auto = c5xlarge(true);
        // 0.05 dollar/h: twice the hand-worked 0.025 case
        MachineSpec expected = new MachineSpec(4, 8_589_934_592L, 400, prices("0.01115625", "0.0223125", "0.044625",
                "0.1115625"), 500, 500, d("0.05"), "dollar", 1, 60, true);
        fixture.given(created(auto))
                .when(update(cost("0.05"), null))
                .expectEvents(new MachineUpdated("aws_eu", "c5.xlarge", expected, T0));
    }

    @Test
    void aCostChangeKeepsThePricesOfAManualMachine() {
        pricing.put(T0.minusSeconds(10), inputs("4", "0.85"));
        MachineSpec manual = c5xlarge(false);
        fixture.given(created(manual))
                .when(update(cost("0.05"), null))
                .expectEvents(new MachineUpdated("aws_eu", "c5.xlarge", new MachineSpec(4, 8_589_934_592L, 400,
                        manual.prices(), 500, 500, d("0.05"), "dollar", 1, 60, false), T0));
    }

    @Test
    void anAutomaticMachineCreatedWithoutPricesIsPricedByTheFormula() {
        pricing.put(T0.minusSeconds(10), inputs("4", "0.85"));
        pricing.put(LATER, inputs("2", "0.85"));
        MachineSpec priced = c5xlarge(true).withPrices(prices("0.00557812", "0.01115625", "0.0223125", "0.05578125"));
        fixture.givenNoPriorActivity()
                .when(create(c5xlarge(true), null, null))
                .expectEvents(created(priced),
                        new MachineRepriced("aws_eu", "c5.xlarge",
                                priced.withPrices(prices("0.01115625", "0.0223125", "0.044625", "0.1115625")), LATER,
                                "pricing"));
    }

    @Test
    void repricingChangesOnlyAutomaticMachines() {
        fixture.given(created(c5xlarge(false)))
                .when(new RepriceMachine(Machine.id("aws_eu", "c5.xlarge"), T0, inputs("4", "0.85"), "test"))
                .expectNoEvents();
    }

    @Test
    void repricingAppliesFromItsInstantAndToLaterVersions() {
        MachineSpec auto = c5xlarge(true);
        MachineSpec scheduled = new MachineSpec(4, 8_589_934_592L, 3, auto.prices(), 500, 500, d("0.025"), "dollar", 1,
                60, true);
        var expected = prices("0.00557812", "0.01115625", "0.0223125", "0.05578125");
        fixture.given(created(auto), new MachineUpdated("aws_eu", "c5.xlarge", scheduled, MUCH_LATER))
                .when(new RepriceMachine(Machine.id("aws_eu", "c5.xlarge"), LATER, inputs("4", "0.85"), "rate"))
                .expectEvents(new MachineRepriced("aws_eu", "c5.xlarge", auto.withPrices(expected), LATER, "rate"),
                        new MachineRepriced("aws_eu", "c5.xlarge", scheduled.withPrices(expected), MUCH_LATER, "rate"));
    }

    @Test
    void removingStopsTheOfferAndDropsLaterVersions() {
        fixture.given(created(c5xlarge(false)))
                .when(new RemoveMachine("aws_eu", "c5.xlarge", T0, LATER))
                .expectEvents(new MachineRemoved("aws_eu", "c5.xlarge", LATER));
    }

    @Test
    void aRemovedMachineCannotBeUpdatedOrRemovedAgain() {
        fixture.given(created(c5xlarge(false)), new MachineRemoved("aws_eu", "c5.xlarge", T0))
                .when(new RemoveMachine("aws_eu", "c5.xlarge", T0, null))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("is not offered at"));
    }

    @Test
    void aRemovedMachineCanBeCreatedAgain() {
        fixture.given(created(c5xlarge(false)), new MachineRemoved("aws_eu", "c5.xlarge", T0))
                .when(create(c5xlarge(false)))
                .expectEvents(created(c5xlarge(false)));
    }
}
