package com.zephycloud.ledger.infra.messaging;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FairShareTest {

    @Test
    void theSharesOfEveryProcessorAddUpToItsSegments() {
        for (int segments = 1; segments <= 8; segments++) {
            for (int instances = 1; instances <= 5; instances++) {
                for (int turn = 0; turn < 7; turn++) {
                    int sum = 0;
                    for (int rank = 0; rank < instances; rank++) {
                        int share = FairShare.share(segments, instances, rank, turn);
                        assertThat(share).isBetween(segments / instances, segments / instances + 1);
                        sum += share;
                    }
                    assertThat(sum).as("%d segments over %d instances, turn %d", segments, instances, turn)
                            .isEqualTo(segments);
                }
            }
        }
    }

    @Test
    void theInstanceTakingTheRemainderChangesFromOneProcessorToTheNext() {
        // 4 segments on 3 instances: 2/1/1, the 2 on another instance for each of 3 processors
        int[] held = new int[3];
        for (int turn = 0; turn < 3; turn++) {
            for (int rank = 0; rank < 3; rank++) {
                held[rank] += FairShare.share(4, 3, rank, turn);
            }
        }
        assertThat(held).containsExactly(4, 4, 4);
        assertThat(FairShare.share(4, 3, 0, 0)).isEqualTo(2);
        assertThat(FairShare.share(4, 3, 1, 1)).isEqualTo(2);
        assertThat(FairShare.share(4, 3, 0, 1)).isEqualTo(1);
    }

    @Test
    void withOneSegmentTheProcessorsAreDealtOutOverTheInstances() {
        for (int turn = 0; turn < 6; turn++) {
            for (int rank = 0; rank < 3; rank++) {
                assertThat(FairShare.share(1, 3, rank, turn)).isEqualTo(rank == turn % 3 ? 1 : 0);
            }
        }
        assertThat(FairShare.share(1, 1, 0, 5)).isEqualTo(1);
    }
}
