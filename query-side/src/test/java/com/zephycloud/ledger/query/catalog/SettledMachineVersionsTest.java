package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.RankPrices;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SettledMachineVersionsTest {

    private static final long HOUR_US = 3_600_000_000L;
    /** "Now" of every test: 10 hours after the epoch, in microseconds. */
    private static final long NOW_US = 10 * HOUR_US;
    private static final Clock CLOCK = Clock.fixed(Instant.EPOCH.plusSeconds(NOW_US / 1_000_000), ZoneOffset.UTC);

    private final SettledMachineVersions settled = new SettledMachineVersions(CLOCK, Duration.ofHours(1), 100);

    private static final class MovingClock extends Clock {
        private volatile long micros;

        MovingClock(long micros) {
            this.micros = micros;
        }

        @Override
        public Instant instant() {
            return Instant.EPOCH.plusNanos(micros * 1000);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static MachineView version(int cores) {
        Zephycoins price = Zephycoins.of(BigDecimal.ONE);
        return new MachineView("m", cores, 1L, 1, new RankPrices(price, price, price, price), 60, 60,
                BigDecimal.ONE, "dollar", 1, 1, false);
    }

    @Test
    void aVersionThatEndedBeforeTheSettleDelayAnswersEveryInstantOfItsRangeOnly() {
        settled.offer("p", "m", 2 * HOUR_US, 5 * HOUR_US, version(2), false);

        assertThat(settled.at("p", "m", 2 * HOUR_US).cores()).isEqualTo(2);
        assertThat(settled.at("p", "m", 5 * HOUR_US - 1).cores()).isEqualTo(2);
        assertThat(settled.at("p", "m", 5 * HOUR_US)).as("the end is excluded").isNull();
        assertThat(settled.at("p", "m", 2 * HOUR_US - 1)).isNull();
        assertThat(settled.at("p", "other", 3 * HOUR_US)).isNull();
        assertThat(settled.at("other", "m", 3 * HOUR_US)).isNull();
        assertThat(settled.size()).isEqualTo(1);
    }

    @Test
    void versionsOfOneMachineAreFoundByTheirOwnRange() {
        settled.offer("p", "m", 2 * HOUR_US, 3 * HOUR_US, version(2), false);
        settled.offer("p", "m", 4 * HOUR_US, 6 * HOUR_US, version(4), false);

        assertThat(settled.at("p", "m", 2 * HOUR_US + 1).cores()).isEqualTo(2);
        assertThat(settled.at("p", "m", 3 * HOUR_US + 1)).as("between two kept versions").isNull();
        assertThat(settled.at("p", "m", 5 * HOUR_US).cores()).isEqualTo(4);
    }

    @Test
    void aVersionStillValidOrEndedAfterTheHorizonIsKeptUpToTheHorizon() {
        long horizon = NOW_US - HOUR_US;
        settled.offer("p", "open", 2 * HOUR_US, null, version(1), false);
        settled.offer("p", "recent", 2 * HOUR_US, horizon + 1, version(1), false);
        settled.offer("p", "scheduled", 2 * HOUR_US, NOW_US + HOUR_US, version(1), false);
        settled.offer("p", "young", horizon, null, version(1), false);

        for (String machine : new String[]{"open", "recent", "scheduled"}) {
            assertThat(settled.at("p", machine, horizon - 1)).as(machine).isNotNull();
            assertThat(settled.at("p", machine, horizon)).as(machine + " at the horizon").isNull();
        }
        assertThat(settled.at("p", "young", horizon)).as("starts at the horizon: nothing before it").isNull();
        assertThat(settled.size()).isEqualTo(3);
    }

    @Test
    void aLaterReadOfTheSameVersionReachesALaterHorizon() {
        MovingClock clock = new MovingClock(NOW_US);
        SettledMachineVersions moving = new SettledMachineVersions(clock, Duration.ofHours(1), 100);
        moving.offer("p", "m", 2 * HOUR_US, null, version(1), false);
        assertThat(moving.at("p", "m", NOW_US - HOUR_US)).isNull();

        clock.micros = NOW_US + HOUR_US;
        moving.offer("p", "m", 2 * HOUR_US, null, version(1), false);

        assertThat(moving.at("p", "m", NOW_US - HOUR_US)).isNotNull();
        assertThat(moving.at("p", "m", NOW_US)).isNull();
        assertThat(moving.size()).isEqualTo(1);
    }

    @Test
    void onlyDatesBeforeTheHorizonAreSettled() {
        assertThat(settled.isSettled(NOW_US - HOUR_US - 1)).isTrue();
        assertThat(settled.isSettled(NOW_US - HOUR_US)).isFalse();
        assertThat(new SettledMachineVersions(CLOCK, Duration.ofHours(1), 0).isSettled(0)).as("turned off").isFalse();
    }

    @Test
    void nothingIsKeptFromATableBeingRebuilt() {
        settled.offer("p", "m", 2 * HOUR_US, 3 * HOUR_US, version(2), true);

        assertThat(settled.at("p", "m", 2 * HOUR_US)).isNull();
        assertThat(settled.size()).isZero();
    }

    @Test
    void pastTheCapacityEverythingIsDroppedAndRefilled() {
        SettledMachineVersions small = new SettledMachineVersions(CLOCK, Duration.ofHours(1), 2);
        small.offer("p", "a", 0, HOUR_US, version(1), false);
        small.offer("p", "b", 0, HOUR_US, version(2), false);
        small.offer("p", "b", 0, HOUR_US, version(2), false);
        assertThat(small.size()).as("a version offered again is counted once").isEqualTo(2);

        small.offer("p", "c", 0, HOUR_US, version(3), false);

        assertThat(small.size()).isZero();
        assertThat(small.at("p", "a", 1)).isNull();
        small.offer("p", "c", 0, HOUR_US, version(3), false);
        assertThat(small.at("p", "c", 1).cores()).isEqualTo(3);
    }

    @Test
    void aCapacityOfZeroKeepsNothingAndANegativeDelayIsRefused() {
        SettledMachineVersions off = new SettledMachineVersions(CLOCK, Duration.ofHours(1), 0);
        off.offer("p", "m", 0, HOUR_US, version(1), false);
        assertThat(off.at("p", "m", 1)).isNull();

        assertThatThrownBy(() -> new SettledMachineVersions(CLOCK, Duration.ofSeconds(-1), 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
    }
}
