package com.zephycloud.ledger.infra.faults;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

/**
 * The harness's HTTP client: JSON bodies as the dashboard sends them, Basic authentication, and
 * timeouts, because a paused instance accepts connections and never answers. A failure to get an
 * answer is {@link HttpAnswer#NONE}, not an exception: to the caller it means "may or may not
 * have been applied".
 */
final class HarnessHttp {

    static final String PASSWORD = "fault-harness-password";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    HarnessHttp(Duration timeout) {
        this.timeout = timeout;
    }

    HttpAnswer admin(int port, String path, Map<String, ?> params) {
        return post(port, path, "admin", params);
    }

    HttpAnswer service(int port, String path, Map<String, ?> params) {
        return post(port, path, "scheduler", params);
    }

    HttpAnswer get(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), null);
    }

    /** A GET with the admin's credentials, e.g. a health group with its details. */
    HttpAnswer adminGet(int port, String path) {
        return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET(), "admin");
    }

    private HttpAnswer post(int port, String path, String user, Map<String, ?> params) {
        try {
            return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(params))), user);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private HttpAnswer send(HttpRequest.Builder request, String user) {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            HttpResponse<String> response = http.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new HttpAnswer(response.statusCode(), parse(response.body()));
        } catch (IOException noAnswer) {
            return HttpAnswer.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpAnswer.NONE;
        }
    }

    private static JsonNode parse(String text) {
        try {
            return text.isEmpty() ? null : JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(text);
        }
    }
}
