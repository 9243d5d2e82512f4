package com.zephycloud.ledger.infra.events.broker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP relay in front of a real SQS server (ElasticMQ) that refuses chosen entries of
 * {@code SendMessageBatch} calls as SQS does for a partial failure: the call succeeds, the other
 * entries are passed on to the server, and the answer lists the refused ones under {@code Failed}.
 * An entry is refused while its message body contains a marker in {@link #refuse}. It records
 * every entry it passed on, in order, and every one it refused.
 */
final class EntryRefusingSqsRelay implements AutoCloseable {

    /** One entry of a batch, as the relay saw it: its event, and whether it reached the server. */
    record Entry(String eventId, String aggregateId, long aggregateSequence, boolean passed) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI target;
    private final HttpServer server;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Set<String> markers = ConcurrentHashMap.newKeySet();
    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger batchCalls = new AtomicInteger();

    EntryRefusingSqsRelay(int targetPort) throws IOException {
        this.target = URI.create("http://127.0.0.1:" + targetPort);
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::relay);
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Entries whose body contains {@code marker} are refused from now on, until {@link #accept}. */
    void refuse(String marker) {
        markers.add(marker);
    }

    void accept(String marker) {
        markers.remove(marker);
    }

    List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    /** Forgets the entries seen so far (and the calls counted). */
    void clear() {
        entries.clear();
        batchCalls.set(0);
    }

    int batchCalls() {
        return batchCalls.get();
    }

    private void relay(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String action = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            ArrayNode refused = JSON.createArrayNode();
            if ("AmazonSQS.SendMessageBatch".equals(action)) {
                batchCalls.incrementAndGet();
                ObjectNode request = (ObjectNode) JSON.readTree(body);
                ArrayNode passed = JSON.createArrayNode();
                for (JsonNode entry : request.get("Entries")) {
                    String message = entry.get("MessageBody").asText();
                    boolean refuse = markers.stream().anyMatch(message::contains);
                    JsonNode event = JSON.readTree(message);
                    entries.add(new Entry(event.get("event_id").asText(), event.get("aggregate_id").asText(),
                            event.get("aggregate_sequence").asLong(), !refuse));
                    if (refuse) {
                        refused.add(JSON.createObjectNode().put("Id", entry.get("Id").asText())
                                .put("Code", "InternalError").put("SenderFault", false)
                                .put("Message", "refused by the test relay"));
                    } else {
                        passed.add(entry);
                    }
                }
                if (passed.isEmpty()) {
                    ObjectNode answer = JSON.createObjectNode();
                    answer.putArray("Successful");
                    answer.set("Failed", refused);
                    respond(exchange, 200, "application/x-amz-json-1.0", JSON.writeValueAsBytes(answer));
                    return;
                }
                request.set("Entries", passed);
                body = JSON.writeValueAsBytes(request);
            }
            HttpRequest.Builder forward = HttpRequest.newBuilder(target.resolve(exchange.getRequestURI()))
                    .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
            exchange.getRequestHeaders().forEach((name, values) -> {
                if (!Set.of("host", "content-length", "connection", "expect").contains(name.toLowerCase())) {
                    values.forEach(value -> forward.header(name, value));
                }
            });
            HttpResponse<byte[]> response = http.send(forward.build(), HttpResponse.BodyHandlers.ofByteArray());
            byte[] answer = response.body();
            if (!refused.isEmpty() && response.statusCode() == 200) {
                ObjectNode merged = (ObjectNode) JSON.readTree(answer);
                ArrayNode failed = merged.has("Failed") ? (ArrayNode) merged.get("Failed") : merged.putArray("Failed");
                failed.addAll(refused);
                answer = JSON.writeValueAsBytes(merged);
            }
            respond(exchange, response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse("application/x-amz-json-1.0"), answer);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void respond(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
