package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A consumer of events/list that parses each answer as it arrives, with Jackson's streaming
 * parser: every token of every event is read (what any consumer's decoding costs at least),
 * {@code next} and the events are counted, no tree or object is built.
 */
final class StreamingFeedConsumer {

    /** What one page held. */
    record Page(int events, long next) {
    }

    private static final JsonFactory JSON = new JsonFactory();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String base;
    private final String authorization;

    StreamingFeedConsumer(int port, String user, String password) {
        this.base = "http://localhost:" + port + "/service/events/list";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Page page(long after, int limit) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "?after=" + after + "&limit=" + limit))
                .header("Authorization", authorization).GET().build();
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("events/list answered " + response.statusCode());
        }
        int events = 0;
        long next = -1;
        try (InputStream body = response.body(); JsonParser in = JSON.createParser(body)) {
            int depth = 0;
            for (JsonToken token = in.nextToken(); token != null; token = in.nextToken()) {
                switch (token) {
                    case START_OBJECT, START_ARRAY -> depth++;
                    case END_OBJECT, END_ARRAY -> depth--;
                    case FIELD_NAME -> {
                        if (depth == 4 && "event_id".equals(in.currentName())) {
                            events++; // a field of an event: {"data": {"events": [{"event_id": ...
                        } else if (depth == 2 && "next".equals(in.currentName())) {
                            in.nextToken();
                            next = in.getLongValue();
                        }
                    }
                    default -> in.getText(); // every value decoded, as a consumer would
                }
            }
        }
        return new Page(events, next);
    }
}
