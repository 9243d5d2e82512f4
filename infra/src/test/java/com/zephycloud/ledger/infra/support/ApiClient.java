package com.zephycloud.ledger.infra.support;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** A plain HTTP client of the API, as an outside caller uses it. */
public final class ApiClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;

    public ApiClient(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.authorization = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public static ApiClient admin(int port) {
        return new ApiClient(port, "admin", TestDatabase.ADMIN_PASSWORD);
    }

    public static ApiClient service(int port) {
        return new ApiClient(port, "scheduler", TestDatabase.SERVICE_PASSWORD);
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null, null);
    }

    /** Parameters as alternating names and values. */
    public static Map<String, Object> params(Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    /** POST as a JSON body, the way the admin dashboard calls. */
    public ApiResult post(String path, Map<String, Object> params) {
        try {
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(params))));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public ApiResult postForm(String path, Map<String, Object> params) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(params))));
    }

    public ApiResult postRaw(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public ApiResult get(String path, Map<String, Object> params) {
        return send(getRequest(path, params));
    }

    /** A GET whose {@code Accept} header asks for {@code accept}. */
    public ApiResult get(String path, Map<String, Object> params, String accept) {
        return send(getRequest(path, params).header("Accept", accept));
    }

    private HttpRequest.Builder getRequest(String path, Map<String, Object> params) {
        String query = params.isEmpty() ? "" : "?" + formBody(params);
        return HttpRequest.newBuilder(URI.create(base + path + query)).GET();
    }

    private ApiResult send(HttpRequest.Builder request) {
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new ApiResult(response.statusCode(), response.headers(), body(response.body()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The parsed JSON, or, when the answer is not JSON at all, its text as a JSON string. */
    private static JsonNode body(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException notJson) {
            return TextNode.valueOf(text);
        }
    }

    /** {@code params} as an {@code application/x-www-form-urlencoded} body or query string. */
    public static String formBody(Map<String, Object> params) {
        return params.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(String.valueOf(e.getValue()), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
