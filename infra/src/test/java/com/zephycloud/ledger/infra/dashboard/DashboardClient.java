package com.zephycloud.ledger.infra.dashboard;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.support.ApiClient;
import com.zephycloud.ledger.infra.support.ApiResult;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Calls the admin API exactly as the original PHP admin dashboard does
 * ({@code shared/reference/dashboard-calls.md}): always a POST of {@code application/json} whose body is
 * PHP's {@code json_encode} of an array — {@code []} when there is no parameter, form values as JSON
 * strings — and reads the answer as it does: {@code success}, {@code error_msgs}, {@code data}, and
 * {@code total} only when it is a number or a string of digits.
 */
final class DashboardClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ApiClient http;

    DashboardClient(ApiClient http) {
        this.http = http;
    }

    /** Alternating names and values, each value as the dashboard encodes it (a String, a Boolean, a Map…). */
    static Map<String, Object> sent(Object... namesAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            assertThat(value).as("the dashboard sends form values as strings").isNotInstanceOf(Number.class);
            params.put((String) namesAndValues[i], value);
        }
        return params;
    }

    /** One call that the dashboard expects to succeed; answers {@code data}. */
    JsonNode call(String route, Map<String, Object> params) {
        return data(route, send(route, params));
    }

    /** A list call: its data must be an array and its {@code total} a count the dashboard can read. */
    JsonNode list(String route, Map<String, Object> params) {
        ApiResult result = send(route, params);
        JsonNode data = data(route, result);
        assertThat(data.isArray()).as("data of %s is a list", route).isTrue();
        JsonNode total = result.body().get("total");
        assertThat(total).as("total of %s", route).isNotNull();
        assertThat(total.isIntegralNumber() || total.asText().matches("\\d+"))
                .as("total of %s is a number of digits: %s", route, total).isTrue();
        assertThat(total.asLong()).as("total of %s counts at least the rows answered", route)
                .isGreaterThanOrEqualTo(data.size());
        return data;
    }

    private ApiResult send(String route, Map<String, Object> params) {
        return http.postRaw(route, "application/json", body(params));
    }

    private static JsonNode data(String route, ApiResult result) {
        assertThat(result.status()).as("HTTP status of %s: %s", route, result.body()).isEqualTo(200);
        JsonNode envelope = result.body();
        assertThat(envelope.path("success").asInt()).as("success of %s: %s", route, envelope).isEqualTo(1);
        assertThat(envelope.path("error_msgs").isArray()).as("error_msgs of %s", route).isTrue();
        assertThat(envelope.path("error_msgs")).as("error_msgs of %s", route).isEmpty();
        assertThat(envelope.has("data")).as("data of %s", route).isTrue();
        return envelope.get("data");
    }

    /** A call the dashboard expects to be refused: the messages it joins with "; ". */
    String refused(String route, Map<String, Object> params, int status) {
        ApiResult result = send(route, params);
        assertThat(result.status()).as("HTTP status of %s: %s", route, result.body()).isEqualTo(status);
        assertThat(result.body().path("success").asInt()).isZero();
        return String.join("; ", result.errors());
    }

    private static String body(Map<String, Object> params) {
        if (params.isEmpty()) {
            return "[]"; // json_encode(array()) in PHP
        }
        try {
            return JSON.writeValueAsString(params);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
