package com.zephycloud.ledger.infra.eventstore;

import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/** The last stored versions, read one by one and read ahead for a group of aggregates. */
class StoredAggregateVersionsTest extends ApiTest {

    private static final String COUNT = "SELECT count(*) FROM domain_event_entry WHERE aggregate_identifier = ?";

    @Autowired
    private StoredAggregateVersions versions;
    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void aReadingAheadAnswersWhatEachLookupAnswers() {
        String fresh = "user:" + newUser(unique("versions"), "10");
        String busy = "user:" + newUser(unique("versions"), "10");
        consume(busy, "1");
        consume(busy, "2");
        String unknown = "user:" + Long.MAX_VALUE;
        long freshLast = versions.last(fresh);
        long busyLast = versions.last(busy);
        assertThat(freshLast).isEqualTo(storedEvents(fresh) - 1);
        assertThat(busyLast).isEqualTo(storedEvents(busy) - 1).isEqualTo(freshLast + 2);
        assertThat(versions.last(unknown)).isEqualTo(-1);

        try (var ignored = versions.readAhead(List.of(fresh, busy, unknown, busy))) {
            assertThat(versions.last(fresh)).isEqualTo(freshLast);
            assertThat(versions.last(busy)).isEqualTo(busyLast);
            assertThat(versions.last(unknown)).isEqualTo(-1);
        }
    }

    @Test
    void aReadingAheadHoldsOnItsThreadUntilClosed() throws Exception {
        String user = "user:" + newUser(unique("versions"), "10");
        String other = "user:" + newUser(unique("versions"), "10");
        long before = versions.last(user);

        try (var ignored = versions.readAhead(List.of(user))) {
            consume(user, "1");
            consume(other, "1");
            assertThat(versions.last(user)).as("read ahead, before the consumption").isEqualTo(before);
            assertThat(versions.last(other)).as("not read ahead: read now").isEqualTo(storedEvents(other) - 1);
            assertThat(CompletableFuture.supplyAsync(() -> versions.last(user)).get())
                    .as("on another thread").isEqualTo(before + 1);
        }
        assertThat(versions.last(user)).as("after the reading closed").isEqualTo(before + 1);
    }

    @Test
    void aReadingOfNoAggregateReadsNothing() {
        String user = "user:" + newUser(unique("versions"), "10");
        try (var ignored = versions.readAhead(List.of())) {
            assertThat(versions.last(user)).isEqualTo(storedEvents(user) - 1);
        }
    }

    private long storedEvents(String aggregate) {
        return jdbc.queryForObject(COUNT, Long.class, aggregate);
    }

    private void consume(String aggregate, String amount) {
        admin().post("/admin/user/consume/", params("user_id", aggregate.substring("user:".length()), "amount", amount,
                "description", "versions")).ok();
    }
}
