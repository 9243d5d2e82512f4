package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's own head is told of its commits; a second {@link EventStoreHead} on the same
 * database stands for another instance, which this application's writes are foreign to.
 */
class EventStoreHeadTest extends ApiTest {

    @Autowired
    private EventStoreHead applicationHead;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aWriteOnThisInstanceIsInTheNextHead() {
        long before = applicationHead.current();
        newUser(unique("head"), "1");
        assertThat(applicationHead.current()).isGreaterThan(before);
    }

    @Test
    void anotherInstancesWriteIsSeenOnceTheLastReadIsTooOld() {
        EventStoreHead patient = new EventStoreHead(jdbc, Duration.ofHours(1));
        EventStoreHead eager = new EventStoreHead(jdbc, Duration.ZERO);
        long before = patient.current();
        eager.current();

        newUser(unique("head"), "1");

        assertThat(patient.current()).isEqualTo(before);
        assertThat(eager.current()).isGreaterThan(before);
    }

    @Test
    void aCommitOnItsInstanceMakesAHeadReadAgain() {
        EventStoreHead head = new EventStoreHead(jdbc, Duration.ofHours(1));
        long before = head.current();
        newUser(unique("head"), "1");

        head.appendCommitted();

        assertThat(head.current()).isGreaterThan(before);
    }

    @Test
    void afterAnUntrackedAppendEveryReadGoesToTheDatabase() {
        EventStoreHead head = new EventStoreHead(jdbc, Duration.ofHours(1));
        long before = head.current();
        head.appendUntracked();
        newUser(unique("head"), "1");

        assertThat(head.current()).isGreaterThan(before);
    }
}
