package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.EventTableWriter;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.ledger.CreditConsumed;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

class EventFeedApiTest extends ApiTest {

    /** Users that exist only in the event table: no projection row, so projections pass over them. */
    private static final AtomicLong GHOST_USERS = new AtomicLong(900_000_000_000L + System.nanoTime() % 1_000_000 * 1000);

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    private EventTableWriter writer() {
        return new EventTableWriter(serializer);
    }

    private static EventTableWriter.Row rankChange(long user, long sequence, Instant time) {
        return new EventTableWriter.Row("user:" + user, sequence, new UserRankChanged(UserId.of(user), Rank.GOLD, Rank.SILVER), time);
    }

    @Test
    void pagingThroughTenThousandEventsGivesEachOnceAndInOrder() {
        long start = EventTableWriter.head(jdbc);
        long firstUser = GHOST_USERS.getAndAdd(50);
        Instant old = Instant.now().minus(1, ChronoUnit.HOURS);
        List<EventTableWriter.Row> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(rankChange(firstUser + i % 50, i / 50, old));
        }
        List<String> written = writer().append(jdbc, rows);

        List<JsonNode> read = new FeedClient(service(), Map.of()).readAll(start, 1000);

        Set<String> ids = new HashSet<>(written);
        List<String> ours = new ArrayList<>();
        long previous = start;
        Map<String, Long> lastSequence = new HashMap<>();
        for (JsonNode event : read) {
            assertThat(event.get("position").asLong()).isGreaterThan(previous);
            previous = event.get("position").asLong();
            if (ids.contains(event.get("event_id").asText())) {
                ours.add(event.get("event_id").asText());
                long sequence = event.get("aggregate_sequence").asLong();
                Long before = lastSequence.put(event.get("aggregate_id").asText(), sequence);
                assertThat(sequence).isEqualTo(before == null ? 0 : before + 1);
            }
        }
        assertThat(ours).containsExactlyElementsOf(written);
    }

    @Test
    void anEventCommittedAfterAHigherPositionIsNotSkipped() throws Exception {
        long user = GHOST_USERS.getAndAdd(2);
        long late;
        try (Connection slow = dataSource.getConnection()) {
            slow.setAutoCommit(false);
            late = writer().append(slow, rankChange(user, 0, Instant.now()));
            long early;
            try (Connection fast = dataSource.getConnection()) {
                early = writer().append(fast, rankChange(user + 1, 0, Instant.now()));
            }
            assertThat(early).isGreaterThan(late);

            JsonNode page = service().get("/service/events/list", params("after", late - 1)).ok();
            assertThat(page.get("events")).isEmpty();
            assertThat(page.get("next").asLong()).isEqualTo(late - 1);

            slow.commit();
        }
        JsonNode page = service().get("/service/events/list", params("after", late - 1)).ok();
        assertThat(page.get("events")).extracting(event -> event.get("aggregate_id").asText())
                .startsWith("user:" + user, "user:" + (user + 1));
    }

    @Test
    void aRolledBackPositionIsPassedOnlyOnceTheEventAfterItIsOlderThanTheGapTimeout() throws Exception {
        long user = GHOST_USERS.getAndAdd(2);
        long gap;
        try (Connection aborted = dataSource.getConnection()) {
            aborted.setAutoCommit(false);
            gap = writer().append(aborted, rankChange(user, 0, Instant.now()));
            aborted.rollback();
        }
        writer().append(jdbc, List.of(rankChange(user + 1, 0, Instant.now().minus(1, ChronoUnit.MINUTES))));

        JsonNode page = service().get("/service/events/list", params("after", gap - 1)).ok();

        assertThat(page.get("events")).hasSize(1);
        assertThat(page.get("events").get(0).get("aggregate_id").asText()).isEqualTo("user:" + (user + 1));
        assertThat(page.get("next").asLong()).isGreaterThan(gap);
    }

    @Test
    void aRecentGapHoldsTheFeedBack() throws Exception {
        long user = GHOST_USERS.getAndAdd(2);
        long gap;
        try (Connection aborted = dataSource.getConnection()) {
            aborted.setAutoCommit(false);
            gap = writer().append(aborted, rankChange(user, 0, Instant.now()));
            aborted.rollback();
        }
        writer().append(jdbc, List.of(rankChange(user + 1, 0, Instant.now())));

        JsonNode page = service().get("/service/events/list", params("after", gap - 1)).ok();

        assertThat(page.get("events")).isEmpty();
        assertThat(page.get("next").asLong()).isEqualTo(gap - 1);
    }

    @Test
    void realEventsFollowTheContractAndFiltersSelectThem() throws IOException {
        long start = EventTableWriter.head(jdbc);
        String login = unique("feeder");
        long userId = newUser(login, "10");
        admin().post("/admin/user/consume/", params("user_id", userId, "amount", "2.5", "description", "render")).ok();
        admin().post("/admin/user/rank/", params("user_id", userId, "rank", "silver"));
        admin().post("/admin/user/remove/", params("user_id", userId)).ok();
        admin().post("/admin/user/restore/", params("user_id", userId)).ok();

        List<JsonNode> events = new FeedClient(service(), Map.of("user_id", userId)).readAll(start, 100);

        assertThat(events).extracting(event -> event.get("type").asText())
                .contains("users.UserRegistered", "ledger.CreditAdded", "ledger.CreditConsumed",
                        "users.UserRemoved", "users.UserRestored");
        JsonSchema envelope = EventSchemasTest.committedSchema(EventSchemasTest.ENVELOPE);
        for (JsonNode event : events) {
            assertThat(envelope.validate(event)).as("envelope of %s", event).isEmpty();
            JsonSchema payload = EventSchemasTest.committedSchema(event.get("type").asText() + ".v"
                    + event.get("version").asText() + ".json");
            assertThat(payload.validate(event.get("payload"))).as("payload of %s", event).isEmpty();
            assertThat(event.get("payload").get("user_id").asLong()).isEqualTo(userId);
            assertThat(event.get("payload").has("password_hash")).isFalse();
        }
        JsonNode consumed = events.stream().filter(e -> e.get("type").asText().equals("ledger.CreditConsumed"))
                .findFirst().orElseThrow();
        assertThat(consumed.get("aggregate_id").asText()).isEqualTo("user:" + userId);
        assertThat(new BigDecimal(consumed.get("payload").get("amount").asText())).isEqualByComparingTo("2.5");
        assertThat(new BigDecimal(consumed.get("payload").get("balance_after").asText())).isEqualByComparingTo("7.5");

        List<JsonNode> onlyConsumed = new FeedClient(service(), Map.of("user_id", userId,
                "type", "ledger.CreditConsumed,users.UserRemoved")).readAll(start, 100);
        assertThat(onlyConsumed).extracting(event -> event.get("type").asText())
                .containsExactly("ledger.CreditConsumed", "users.UserRemoved");
    }

    @Test
    void theEventsOfOneJobIncludeItsCharges() {
        long start = EventTableWriter.head(jdbc);
        long user = GHOST_USERS.getAndAdd(1);
        long job = GHOST_USERS.getAndAdd(2);
        Instant old = Instant.now().minus(1, ChronoUnit.HOURS);
        ChargeContext slice = new ChargeContext("project-x", job, old, old.plusSeconds(60), BigDecimal.TEN, null, null);
        writer().append(jdbc, List.of(
                new EventTableWriter.Row("user:" + user, 0, consumption(user, job * 10, slice), old),
                new EventTableWriter.Row("user:" + user, 1, consumption(user, job * 10 + 1, ChargeContext.NONE), old),
                new EventTableWriter.Row("user:" + user, 2, consumption(user, job * 10 + 2,
                        new ChargeContext("project-x", job + 1, old, old, BigDecimal.ONE, null, null)), old)));

        List<JsonNode> events = new FeedClient(service(), Map.of("job_id", job)).readAll(start, 100);

        assertThat(events).hasSize(1);
        assertThat(events.get(0).get("payload").get("context").get("job_id").asLong()).isEqualTo(job);
        assertThat(events.get(0).get("payload").get("context").get("computing_start").asText())
                .isEqualTo(old.toString());
    }

    private static CreditConsumed consumption(long user, long transaction, ChargeContext context) {
        return new CreditConsumed(UserId.of(user), TransactionId.of(transaction), Zephycoins.of("1"), "slice", null,
                ChargeCategory.COMPUTATION, context, Zephycoins.of("5"));
    }

    @Test
    void lastSecondsKeepsOnlyRecentEvents() {
        long start = EventTableWriter.head(jdbc);
        long user = GHOST_USERS.getAndAdd(1);
        Instant now = Instant.now();
        writer().append(jdbc, List.of(rankChange(user, 0, now.minus(2, ChronoUnit.HOURS)),
                rankChange(user, 1, now.minus(20, ChronoUnit.SECONDS))));

        List<JsonNode> events = new FeedClient(service(), Map.of("user_id", user, "last_seconds", 600)).readAll(start, 100);

        assertThat(events).extracting(event -> event.get("aggregate_sequence").asLong()).containsExactly(1L);
    }

    @Test
    void badFeedRequestsAreRefusedWithTheParameterNamed() {
        assertThat(service().get("/service/events/list", params("type", "ledger.Nope")).refused(400).get(0))
                .startsWith("type: unknown event type 'ledger.Nope', expected some of: ")
                .contains("ledger.CreditConsumed");
        assertThat(service().get("/service/events/list", params("limit", 5000)).refused(400))
                .containsExactly("limit: at most 1000 events per request, got 5000");
        assertThat(service().get("/service/events/list", params("after", -1)).refused(400))
                .containsExactly("after: expected a position (0 or more), got -1");
        assertThat(service().get("/service/events/list", params("job", 3)).refused(400).get(0))
                .startsWith("job: unknown parameter");
        assertThat(ApiClient.anonymous(port).get("/service/events/list", params()).refused(401)).isNotEmpty();
        assertThat(admin().get("/service/events/list", params()).refused(401)).isNotEmpty();
    }

    @Test
    void theContractIsServedWithItsSchemas() {
        JsonNode types = service().get("/service/events/types", params()).ok();
        Set<String> names = new HashSet<>();
        types.forEach(type -> {
            names.add(type.get("type").asText());
            assertThat(type.get("schema").get("title").asText()).isEqualTo(type.get("type").asText());
        });
        assertThat(names).contains("ledger.CreditConsumed", "users.UserRegistered");
    }
}
