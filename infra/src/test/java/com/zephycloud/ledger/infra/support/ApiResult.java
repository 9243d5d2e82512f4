package com.zephycloud.ledger.infra.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** One HTTP answer: its status, its headers and the parsed envelope. */
public record ApiResult(int status, HttpHeaders headers, JsonNode body) {

    /** The first value of header {@code name}, or null. */
    public String header(String name) {
        return headers.firstValue(name).orElse(null);
    }

    public JsonNode data() {
        return body.get("data");
    }

    public long total() {
        return body.get("total").asLong();
    }

    public List<String> errors() {
        List<String> messages = new ArrayList<>();
        body.get("error_msgs").forEach(node -> messages.add(node.asText()));
        return messages;
    }

    /** Asserts a successful envelope and answers its data. */
    public JsonNode ok() {
        assertThat(status).as("HTTP status of %s", body).isEqualTo(200);
        assertThat(body.get("success").asInt()).isEqualTo(1);
        assertThat(body.get("error_msgs")).isEmpty();
        return data();
    }

    /** Asserts a refusal in the envelope, with {@code expectedStatus}, and answers the messages. */
    public List<String> refused(int expectedStatus) {
        assertThat(status).as("HTTP status of %s", body).isEqualTo(expectedStatus);
        assertThat(body.get("success").asInt()).isZero();
        assertThat(body.get("error_msgs")).isNotEmpty();
        assertThat(body.get("data").isNull()).isTrue();
        return errors();
    }

    public static BigDecimal decimal(JsonNode node) {
        return new BigDecimal(node.asText());
    }
}
