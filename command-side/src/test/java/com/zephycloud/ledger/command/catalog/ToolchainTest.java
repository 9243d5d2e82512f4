package com.zephycloud.ledger.command.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainCreated;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainRemoved;
import com.zephycloud.ledger.kernel.events.catalog.ToolchainUpdated;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.zephycloud.ledger.command.catalog.CatalogFixtures.T0;
import static org.hamcrest.Matchers.containsString;

class ToolchainTest {

    private static final Map<String, List<String>> MACHINES = Map.of("aws_eu", List.of("c5.xlarge"));
    private final Set<String> takenNames = new HashSet<>();
    private AggregateTestFixture<Toolchain> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Toolchain.class);
        fixture.registerInjectableResource((ToolchainNames) (id, name) -> {
            if (!takenNames.add(name)) {
                throw new IllegalStateException("toolchain name '" + name + "' is already taken");
            }
        });
        fixture.registerInjectableResource(new MachineDirectory() {
            @Override
            public boolean isOffered(String provider, String machine) {
                return provider.equals("aws_eu") && machine.equals("c5.xlarge");
            }

            @Override
            public List<String> offeredFrom(Instant from) {
                return List.of();
            }
        });
    }

    private static ToolchainCreated created() {
        return new ToolchainCreated(5, "upload_and_anal", Zephycoins.of("0.1"), 1, MACHINES, T0);
    }

    @Test
    void creatingAToolchainStoresItsMachines() {
        fixture.givenNoPriorActivity()
                .when(new CreateToolchain(5, "upload_and_anal", Zephycoins.of("0.1"), 1, MACHINES, T0, null))
                .expectEvents(created());
    }

    @Test
    void aTakenNameIsRefused() {
        takenNames.add("upload_and_anal");
        fixture.givenNoPriorActivity()
                .when(new CreateToolchain(5, "upload_and_anal", Zephycoins.of("0.1"), 1, MACHINES, T0, null))
                .expectException(IllegalStateException.class);
    }

    @Test
    void aMachineLimitBelowOneIsRefused() {
        fixture.given(created())
                .when(new UpdateToolchain(5, null, 0, null, T0, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage("machine_limit: must be at least 1 (2 or more is a cluster), got 0");
    }

    @Test
    void unknownMachinesAreRefused() {
        fixture.given(created())
                .when(new UpdateToolchain(5, null, null, Map.of("aws_eu", List.of("c5.xlarge", "z9.huge")), T0, null))
                .expectException(IllegalArgumentException.class)
                .expectExceptionMessage(containsString("unknown machines aws_eu/z9.huge"));
    }

    @Test
    void aScheduledPriceChangeIsStoredWithItsDate() {
        Instant later = T0.plusSeconds(60);
        fixture.given(created())
                .when(new UpdateToolchain(5, Zephycoins.of("0.2"), null, null, T0, later))
                .expectEvents(new ToolchainUpdated(5, "upload_and_anal", Zephycoins.of("0.2"), 1, MACHINES, later));
    }

    @Test
    void aChangeBeforeAScheduledOneIsRefused() {
        fixture.given(created(), new ToolchainUpdated(5, "upload_and_anal", Zephycoins.of("0.2"), 1, MACHINES,
                        T0.plusSeconds(60)))
                .when(new UpdateToolchain(5, Zephycoins.of("0.3"), null, null, T0, null))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage(containsString("has a change scheduled at"));
    }

    @Test
    void aRemovedToolchainCannotChange() {
        fixture.given(created(), new ToolchainRemoved(5, "upload_and_anal", T0))
                .when(new UpdateToolchain(5, Zephycoins.of("0.3"), null, null, T0, null))
                .expectException(IllegalStateException.class)
                .expectExceptionMessage("toolchain 'upload_and_anal' is removed");
    }
}
