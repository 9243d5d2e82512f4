package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.EventTableWriter;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.kernel.Rank;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.events.users.UserRankChanged;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class EventStreamApiTest extends ApiTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    @Qualifier("eventSerializer")
    private Serializer serializer;

    /** One SSE event as received: its id line and its data. */
    record Received(long id, String name, JsonNode data) {
    }

    @Test
    void reconnectingWithLastEventIdLosesNothing() throws Exception {
        long start = EventTableWriter.head(jdbc);
        long user = 910_000_000_000L + System.nanoTime() % 1_000_000;
        EventTableWriter writer = new EventTableWriter(serializer);
        writer.append(jdbc, rankChanges(user, 0, 30));
        String filter = "&user_id=" + user;

        List<Received> received = new ArrayList<>();
        try (Stream<String> lines = open("after=" + start + filter, null)) {
            received.addAll(read(lines.iterator(), 10));
        }
        writer.append(jdbc, rankChanges(user, 30, 20));
        long lastEventId = received.get(received.size() - 1).id();
        try (Stream<String> lines = open("after=" + start + filter, lastEventId)) {
            received.addAll(read(lines.iterator(), 40));
        }

        assertThat(received).extracting(event -> event.data().get("aggregate_sequence").asLong())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 50).boxed().toList());
        assertThat(received).allSatisfy(event -> {
            assertThat(event.id()).isEqualTo(event.data().get("position").asLong());
            assertThat(event.name()).isEqualTo("users.UserRankChanged");
        });
    }

    @Test
    void aLiveStreamDeliversEventsStoredAfterItOpened() throws Exception {
        long start = EventTableWriter.head(jdbc);
        long user = 920_000_000_000L + System.nanoTime() % 1_000_000;
        try (Stream<String> lines = open("after=" + start + "&user_id=" + user, null)) {
            Iterator<String> iterator = lines.iterator();
            new EventTableWriter(serializer).append(jdbc, rankChanges(user, 0, 3));
            assertThat(read(iterator, 3)).extracting(Received::id).isSorted().doesNotHaveDuplicates();
        }
    }

    @Test
    void aMalformedLastEventIdIsRefused() throws Exception {
        HttpResponse<String> response = HTTP.send(request("", "yesterday").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).get("error_msgs").get(0).asText()).startsWith("Last-Event-ID: expected");
    }

    private static List<EventTableWriter.Row> rankChanges(long user, int from, int count) {
        List<EventTableWriter.Row> rows = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            rows.add(new EventTableWriter.Row("user:" + user, i,
                    new UserRankChanged(UserId.of(user), Rank.GOLD, Rank.BRONZE), Instant.now().minusSeconds(60)));
        }
        return rows;
    }

    private Stream<String> open(String query, Long lastEventId) throws Exception {
        HttpResponse<Stream<String>> response = HTTP.send(request(query, lastEventId == null ? null : lastEventId.toString())
                .build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return response.body();
    }

    private HttpRequest.Builder request(String query, String lastEventId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/service/events/stream?" + query))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("scheduler:" + TestDatabase.SERVICE_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        return request.GET();
    }

    /** Reads {@code count} events (id, event and data lines, then a blank line). */
    private static List<Received> read(Iterator<String> lines, int count) throws Exception {
        List<Received> events = new ArrayList<>();
        Long id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        while (events.size() < count && lines.hasNext()) {
            String line = lines.next();
            if (line.startsWith("id:")) {
                id = Long.parseLong(line.substring(3).trim());
            } else if (line.startsWith("event:")) {
                name = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5));
            } else if (line.isEmpty() && id != null) {
                events.add(new Received(id, name, JSON.readTree(data.toString())));
                id = null;
                name = null;
                data.setLength(0);
            }
        }
        assertThat(events).hasSize(count);
        return events;
    }
}
