package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.command.computations.MachineOffer;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * A test double of the catalog with fixed, easily computed prices, for the billing scenarios
 * (the real adapter, {@code CatalogMachineOffers}, is covered by {@code ComputationOnCatalogTest}). Provider {@code aws_eu}: machine {@code c5} (4 cores, gold 1.2 / bronze 2.4 per hour
 * since {@link #PRICE_CHANGE}, gold 0.6 before; first slice 300 s then 500 s; cost 0.5 USD per hour,
 * 60 s then per second), machine {@code gpu} (not allowed for calc) and machine {@code fast}
 * (slices of 1 s, for billing tests). Toolchains {@code calc} (id 143, fixed price 0.1, up to 4
 * machines) and {@code free} (id 144, no fixed price, 1 machine).
 */
@TestConfiguration(proxyBeanMethods = false)
public class CatalogTestDouble {

    public static final Instant PRICE_CHANGE = Instant.parse("2020-01-01T00:00:00Z");

    private record Machine(int cores, Map<Rank, String> prices, Map<Rank, String> pricesBeforeChange,
                           int sliceSeconds, int minSliceSeconds) {
    }

    private record Toolchain(long id, String fixedPrice, int machineLimit, Set<String> machines) {
    }

    private static final Map<String, Machine> MACHINES = Map.of(
            "c5", new Machine(4, Map.of(Rank.GOLD, "1.2", Rank.BRONZE, "2.4"), Map.of(Rank.GOLD, "0.6", Rank.BRONZE, "1.2"),
                    500, 300),
            "gpu", new Machine(8, Map.of(Rank.GOLD, "10"), Map.of(Rank.GOLD, "10"), 60, 60),
            "fast", new Machine(2, Map.of(Rank.GOLD, "3.6"), Map.of(Rank.GOLD, "3.6"), 1, 1));

    private static final Map<String, Toolchain> TOOLCHAINS = Map.of(
            "calc", new Toolchain(143, "0.1", 4, Set.of("c5", "fast")),
            "free", new Toolchain(144, "0", 1, Set.of("c5", "fast")));

    /** Replaces the catalog adapter in the tests that import this configuration. */
    @Bean
    @Primary
    public MachineOffers machineOffers() {
        return CatalogTestDouble::find;
    }

    static MachineOffer find(String toolchainName, String provider, String machineName, Instant at) {
        Toolchain toolchain = TOOLCHAINS.get(toolchainName);
        if (toolchain == null) {
            throw MachineOfferUnavailable.unknownToolchain(toolchainName);
        }
        if (!provider.equals("aws_eu")) {
            throw MachineOfferUnavailable.unknownProvider(provider);
        }
        Machine machine = MACHINES.get(machineName);
        if (machine == null) {
            throw MachineOfferUnavailable.unknownMachine(provider, machineName);
        }
        Map<Rank, String> prices = at.isBefore(PRICE_CHANGE) ? machine.pricesBeforeChange() : machine.prices();
        Map<Rank, Zephycoins> perHour = new java.util.HashMap<>();
        prices.forEach((rank, price) -> perHour.put(rank, Zephycoins.of(price)));
        return new MachineOffer(toolchain.id(), toolchainName, Zephycoins.of(toolchain.fixedPrice()),
                toolchain.machineLimit(), provider, machineName, toolchain.machines().contains(machineName),
                machine.cores(), perHour, machine.sliceSeconds(), machine.minSliceSeconds(),
                new BigDecimal("0.5"), "USD", 1, 60);
    }
}
