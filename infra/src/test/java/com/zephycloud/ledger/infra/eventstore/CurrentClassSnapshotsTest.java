package com.zephycloud.ledger.infra.eventstore;

import com.zephycloud.ledger.command.ledger.UserAccount;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CurrentClassSnapshotsTest {

    private final CurrentClassSnapshots filter = new CurrentClassSnapshots(UserAccount.class);

    @Test
    void aSnapshotOfTheCurrentClassAndRevisionIsUsed() {
        assertThat(filter.test(snapshot("UserAccount", UserAccount.class.getName(), "2"))).isTrue();
    }

    @Test
    void aSnapshotOfTheClassBeforeItMovedIsSkipped() {
        assertThat(filter.test(snapshot("UserAccount", "com.zephycloud.ledger.command.users.UserAccount", "2")))
                .isFalse();
    }

    @Test
    void aSnapshotOfAnEarlierShapeIsSkipped() {
        assertThat(filter.test(snapshot("UserAccount", UserAccount.class.getName(), null))).isFalse();
        assertThat(filter.test(snapshot("UserAccount", UserAccount.class.getName(), "1"))).isFalse();
    }

    @Test
    void snapshotsOfOtherAggregatesPass() {
        assertThat(filter.test(snapshot("Computation", "com.zephycloud.ledger.command.computations.Computation",
                null))).isTrue();
    }

    private static DomainEventData<byte[]> snapshot(String aggregateType, String payloadType, String revision) {
        return new GenericDomainEventEntry<>(aggregateType, "user:7", 250, "snapshot-1", "2026-01-01T00:00:00Z",
                payloadType, revision, new byte[0], new byte[0]);
    }
}
