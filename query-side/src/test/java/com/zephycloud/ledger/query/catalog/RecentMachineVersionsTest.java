package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.Micros;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.catalog.RankPrices;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class RecentMachineVersionsTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final FindMachine NOW_QUERY = new FindMachine("p", "m", NOW);
    private static final long HEAD = 41;

    private final RecentMachineVersions recent = new RecentMachineVersions(100);

    private static MachineVersionAt version(int cores, Instant from, Instant to) {
        Zephycoins price = Zephycoins.of(BigDecimal.ONE);
        MachineView machine = new MachineView("m", cores, 1L, 1, new RankPrices(price, price, price, price), 60, 60,
                BigDecimal.ONE, "dollar", 1, 1, false);
        return new MachineVersionAt(machine, Micros.of(from), to == null ? null : Micros.of(to), true, false);
    }

    @Test
    void aVersionAnswersTheInstantsOfItsRangeOnly() {
        Instant end = NOW.plusSeconds(60);
        recent.offer(NOW_QUERY, HEAD, version(2, NOW.minusSeconds(60), end));

        assertThat(recent.find(NOW_QUERY, HEAD)).map(MachineView::cores).contains(2);
        assertThat(recent.find(new FindMachine("p", "m", end.minusNanos(1000)), HEAD)).isPresent();
        assertThat(recent.find(new FindMachine("p", "m", end), HEAD)).as("a change scheduled for then").isEmpty();
        assertThat(recent.find(new FindMachine("p", "m", NOW.minusSeconds(61)), HEAD)).isEmpty();
        assertThat(recent.find(new FindMachine("p", "other", NOW), HEAD)).isEmpty();
        assertThat(recent.find(new FindMachine("q", "m", NOW), HEAD)).isEmpty();
    }

    @Test
    void aVersionAnswersOnlyWhileTheEventStoreHeadIsTheOneItWasReadAt() {
        recent.offer(NOW_QUERY, HEAD, version(2, NOW.minusSeconds(60), null));

        assertThat(recent.find(NOW_QUERY, HEAD + 1)).as("an event stored since").isEmpty();
        assertThat(recent.find(NOW_QUERY, HEAD)).isPresent();
        recent.offer(NOW_QUERY, HEAD + 1, version(3, NOW.minusSeconds(60), null));
        assertThat(recent.find(NOW_QUERY, HEAD + 1)).map(MachineView::cores).contains(3);
        assertThat(recent.find(NOW_QUERY, HEAD)).isEmpty();
    }

    @Test
    void nothingIsKeptFromARebuildOrFromMemory() {
        MachineView machine = version(2, NOW, null).machine();
        recent.offer(NOW_QUERY, HEAD, new MachineVersionAt(machine, Micros.of(NOW), null, true, true));
        assertThat(recent.find(NOW_QUERY, HEAD)).isEmpty();
        recent.offer(NOW_QUERY, HEAD, MachineVersionAt.settled(machine));
        assertThat(recent.find(NOW_QUERY, HEAD)).isEmpty();
    }

    @Test
    void pastItsCapacityTheCopyStartsAgain() {
        RecentMachineVersions small = new RecentMachineVersions(2);
        for (String machine : new String[]{"a", "b", "c"}) {
            small.offer(new FindMachine("p", machine, NOW), HEAD, version(2, NOW.minusSeconds(60), null));
        }
        assertThat(small.find(new FindMachine("p", "a", NOW), HEAD)).isEmpty();
        RecentMachineVersions none = new RecentMachineVersions(0);
        none.offer(NOW_QUERY, HEAD, version(2, NOW.minusSeconds(60), null));
        assertThat(none.find(NOW_QUERY, HEAD)).isEmpty();
    }
}
