package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An account with more events than the snapshot threshold gets a snapshot, and loads from it.
 * The snapshotter builds the aggregate's model with the application's parameter resolvers: with
 * Axon's defaults it could not resolve the ports its handlers take and stored no snapshot at all
 * (seen by the fault harness: accounts of thousands of events, none in snapshot_event_entry).
 */
@TestPropertySource(properties = "zephy.ledger.snapshot-threshold=5")
class AccountSnapshotsTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void anAccountPastTheThresholdIsSnapshotted() throws InterruptedException {
        long userId = newUser(unique("snapshotted"), "100");
        for (int i = 0; i < 12; i++) {
            admin().post("/admin/user/consume/", params("user_id", userId, "amount", "1", "description", "run " + i)).ok();
        }
        long snapshots = 0;
        for (int attempt = 0; attempt < 100 && snapshots == 0; attempt++) {
            Thread.sleep(50); // snapshots are taken on a thread of their own, after the commit
            snapshots = jdbc.queryForObject("SELECT count(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?",
                    Long.class, "user:" + userId);
        }
        assertThat(snapshots).as("snapshots of user:%d", userId).isPositive();
        admin().post("/admin/user/consume/", params("user_id", userId, "amount", "88", "description", "the rest")).ok();
        admin().post("/admin/user/consume/", params("user_id", userId, "amount", "0.01", "description", "over"))
                .refused(409);
    }
}
