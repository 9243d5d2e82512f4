package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.JsonNode;
import org.springframework.http.HttpStatus;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The raw values of one request and the account kept while an endpoint reads them: which names
 * it read, the problems found, and the values as read, normalized (for the request's
 * {@link ContentFingerprint}). {@link #done()} turns that account into the refusal, or lets the
 * request through. The typed reading is {@link ApiParams}'s.
 */
final class RequestParameters {

    private final Map<String, JsonNode> values;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<String> problems = new ArrayList<>();
    private final ContentFingerprint content = new ContentFingerprint();

    RequestParameters(Map<String, JsonNode> values) {
        this.values = values;
    }

    boolean has(String name) {
        JsonNode node = values.get(name);
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isEmpty());
    }

    /** The value of {@code name}, now counted as read; null when absent or empty. */
    JsonNode take(String name) {
        read.add(name);
        return has(name) ? values.get(name) : null;
    }

    /** Whether {@code name} was given with an empty value (an empty string or JSON null), now counted as read. */
    boolean givenEmpty(String name) {
        read.add(name);
        return values.containsKey(name) && !has(name);
    }

    /** Records a missing required parameter and answers {@code placeholder}. */
    <T> T missing(String name, String expected, T placeholder) {
        read.add(name);
        problems.add(name + ": is required, expected " + expected);
        return placeholder;
    }

    void problem(String message) {
        problems.add(message);
    }

    /** The problems found so far, for a parser that adds its own. */
    List<String> problems() {
        return problems;
    }

    void normalized(String name, String value) {
        content.put(name, value);
    }

    String fingerprint(String endpoint) {
        return content.of(endpoint);
    }

    /** Text holding U+0000 cannot be stored (PostgreSQL's text types refuse it): refused here, named. */
    boolean storable(String name, String value) {
        if (value.indexOf('\u0000') >= 0) {
            problems.add(name + ": contains the NUL character (U+0000), which cannot be stored; remove it");
            return false;
        }
        return true;
    }

    boolean storable(String name, JsonNode node) {
        if (node.isTextual()) {
            return storable(name, node.asText());
        }
        for (Iterator<String> keys = node.fieldNames(); keys.hasNext(); ) {
            if (!storable(name, keys.next())) {
                return false;
            }
        }
        for (JsonNode child : node) { // an object's values, an array's elements
            if (!storable(name, child)) {
                return false;
            }
        }
        return true;
    }

    /** Refuses the request if anything was wrong or unknown. */
    void done() {
        List<String> all = new ArrayList<>(problems);
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                all.add(name + ": unknown parameter" + (read.isEmpty() ? ", this endpoint takes none"
                        : "; this endpoint takes: " + String.join(", ", read)));
            }
        }
        if (!all.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, all);
        }
    }
}
