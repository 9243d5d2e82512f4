package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.RankPrices;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentMachineVersionsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final FindMachine NOW_QUERY = new FindMachine("p", "m", NOW);

    private final RecentMachineVersions recent = new RecentMachineVersions(Duration.ofHours(1), 100);

    private static MachineVersionAt version(int cores, Instant from, Instant to) {
        Zephycoins price = Zephycoins.of(BigDecimal.ONE);
        MachineView machine = new MachineView("m", cores, 1L, 1, new RankPrices(price, price, price, price), 60, 60,
                BigDecimal.ONE, "dollar", 1, 1, false);
        return new MachineVersionAt(machine, Micros.of(from), to == null ? null : Micros.of(to), true, false);
    }

    @Test
    void aVersionReadRecentlyAnswersTheInstantsOfItsRangeOnly() {
        Instant end = NOW.plusSeconds(60);
        recent.offer(NOW_QUERY, recent.stamp(), System.nanoTime(), version(2, NOW.minusSeconds(60), end));

        assertThat(recent.find(NOW_QUERY)).map(MachineView::cores).contains(2);
        assertThat(recent.find(new FindMachine("p", "m", end.minusNanos(1000)))).isPresent();
        assertThat(recent.find(new FindMachine("p", "m", end))).as("a change scheduled for then").isEmpty();
        assertThat(recent.find(new FindMachine("p", "m", NOW.minusSeconds(61)))).isEmpty();
        assertThat(recent.find(new FindMachine("p", "other", NOW))).isEmpty();
        assertThat(recent.find(new FindMachine("q", "m", NOW))).isEmpty();
    }

    @Test
    void aChangeOnThisInstanceEndsTheReuseOfEverythingReadBeforeIt() {
        long before = recent.stamp();
        recent.offer(NOW_QUERY, before, System.nanoTime(), version(2, NOW.minusSeconds(60), null));
        recent.changed();

        assertThat(recent.find(NOW_QUERY)).isEmpty();
        recent.offer(NOW_QUERY, before, System.nanoTime(), version(2, NOW.minusSeconds(60), null));
        assertThat(recent.find(NOW_QUERY)).as("a read that began before the change is not kept").isEmpty();
        recent.offer(NOW_QUERY, recent.stamp(), System.nanoTime(), version(3, NOW.minusSeconds(60), null));
        assertThat(recent.find(NOW_QUERY)).map(MachineView::cores).contains(3);
    }

    @Test
    void aReadIsReusedForItsMaximumAgeOnly() throws InterruptedException {
        RecentMachineVersions brief = new RecentMachineVersions(Duration.ofMillis(50), 100);
        brief.offer(NOW_QUERY, brief.stamp(), System.nanoTime(), version(2, NOW.minusSeconds(60), null));
        assertThat(brief.find(NOW_QUERY)).isPresent();

        Thread.sleep(60);
        assertThat(brief.find(NOW_QUERY)).isEmpty();
        brief.offer(NOW_QUERY, brief.stamp(), System.nanoTime() - 60_000_000L, version(2, NOW.minusSeconds(60), null));
        assertThat(brief.find(NOW_QUERY)).as("the age runs from the start of the read").isEmpty();
    }

    @Test
    void nothingIsKeptFromARebuildOrFromMemoryOrWhenChangesAreUntracked() {
        MachineVersionAt rebuilding = new MachineVersionAt(version(2, NOW, null).machine(), Micros.of(NOW), null, true,
                true);
        recent.offer(NOW_QUERY, recent.stamp(), System.nanoTime(), rebuilding);
        assertThat(recent.find(NOW_QUERY)).isEmpty();
        recent.offer(NOW_QUERY, recent.stamp(), System.nanoTime(), MachineVersionAt.settled(rebuilding.machine()));
        assertThat(recent.find(NOW_QUERY)).isEmpty();

        recent.offer(NOW_QUERY, recent.stamp(), System.nanoTime(), version(2, NOW.minusSeconds(60), null));
        recent.untracked();
        assertThat(recent.find(NOW_QUERY)).isEmpty();
    }

    @Test
    void pastItsCapacityTheCopyStartsAgain() {
        RecentMachineVersions small = new RecentMachineVersions(Duration.ofHours(1), 2);
        for (String machine : new String[]{"a", "b", "c"}) {
            small.offer(new FindMachine("p", machine, NOW), small.stamp(), System.nanoTime(),
                    version(2, NOW.minusSeconds(60), null));
        }
        assertThat(small.find(new FindMachine("p", "a", NOW))).isEmpty();
        assertThat(new RecentMachineVersions(Duration.ofHours(1), 0)).satisfies(none -> {
            none.offer(NOW_QUERY, none.stamp(), System.nanoTime(), version(2, NOW.minusSeconds(60), null));
            assertThat(none.find(NOW_QUERY)).isEmpty();
        });
    }
}
