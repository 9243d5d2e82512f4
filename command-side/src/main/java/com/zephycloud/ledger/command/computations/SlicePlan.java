package com.zephycloud.ledger.command.computations;

import com.zephycloud.ledger.kernel.Zephycoins;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * How computing time is cut into slices and priced. Slice 0 lasts {@code minSeconds}, every next
 * one {@code seconds}; each is charged ahead, at its start. A slice costs
 * {@code pricePerHour × length / 3600 × nbrMachines}, rounded with the zephycoins rule, and pays
 * for {@code cores × nbrMachines × length} cores × seconds. The provider's cost of the same period
 * is computed the same way with the provider's granularities: what the provider has billed at the
 * slice's end minus what it had billed at its start.
 */
public record SlicePlan(Zephycoins pricePerHour,
                        int minSeconds,
                        int seconds,
                        int nbrMachines,
                        int coresPerMachine,
                        BigDecimal costPerHour,
                        int costMinSeconds,
                        int costSeconds) {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    /** Offset of slice {@code n}'s start from the computation's start, in seconds. */
    public long startOffset(long n) {
        return n == 0 ? 0 : minSeconds + (n - 1) * seconds;
    }

    public long length(long n) {
        return n == 0 ? minSeconds : seconds;
    }

    public Instant start(Instant computationStart, long n) {
        return computationStart.plusSeconds(startOffset(n));
    }

    public Instant end(Instant computationStart, long n) {
        return computationStart.plusSeconds(startOffset(n) + length(n));
    }

    public Zephycoins amount(long n) {
        return Zephycoins.rounded(pricePerHour.value()
                .multiply(BigDecimal.valueOf(length(n) * nbrMachines))
                .divide(SECONDS_PER_HOUR, Zephycoins.SCALE + 4, Zephycoins.ROUNDING));
    }

    public BigDecimal coresPerSec(long n) {
        return BigDecimal.valueOf(length(n) * nbrMachines * coresPerMachine);
    }

    public BigDecimal providerCost(long n) {
        long billedSeconds = providerBilled(startOffset(n) + length(n)) - providerBilled(startOffset(n));
        return costPerHour.multiply(BigDecimal.valueOf(billedSeconds * nbrMachines))
                .divide(SECONDS_PER_HOUR, Zephycoins.SCALE, Zephycoins.ROUNDING);
    }

    /** Seconds the provider has billed per machine after {@code elapsed} seconds of running. */
    private long providerBilled(long elapsed) {
        if (elapsed <= 0) {
            return 0;
        }
        if (elapsed <= costMinSeconds) {
            return costMinSeconds;
        }
        return costMinSeconds + ceilDiv(elapsed - costMinSeconds, costSeconds) * costSeconds;
    }

    /** How many slices a computation running {@code duration} pays: at least the first. */
    public long slicesFor(Duration duration) {
        long elapsed = duration.getSeconds() + (duration.getNano() > 0 ? 1 : 0);
        return elapsed <= minSeconds ? 1 : 1 + ceilDiv(elapsed - minSeconds, seconds);
    }

    /** The computing price of running {@code duration}: the sum of its slices, each rounded. */
    public Zephycoins priceOf(Duration duration) {
        long slices = slicesFor(duration);
        return amount(0).plus(amount(1).times(BigDecimal.valueOf(slices - 1)));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
