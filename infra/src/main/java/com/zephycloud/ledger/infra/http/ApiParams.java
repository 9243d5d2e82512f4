package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;
import com.zephycloud.ledger.query.common.SortableColumns;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The parameters of one request, from the query string, a form body or a JSON body alike.
 * An endpoint reads every parameter it accepts, then calls {@link #done()}: that refuses the
 * request, before anything changes, if a value had the wrong type or form, a required one was
 * missing, or the request carried a parameter the endpoint does not know. Every problem is
 * reported at once, each message naming the parameter and what it expects (the account of what
 * was read and what was wrong is kept by {@link RequestParameters}).
 */
public final class ApiParams {

    public static final String REQUEST_ID = "request_id";
    /** The request attribute holding the request's {@value #REQUEST_ID} as sent, for the access log. */
    public static final String REQUEST_ID_ATTRIBUTE = ApiParams.class.getName() + ".requestId";
    private static final int MAX_TEXT = 2000;
    /** 9999-12-31T23:59:59Z: dates beyond have no four-digit year, and reports count microseconds in a long. */
    static final long LAST_EPOCH_SECOND = 253_402_300_799L;

    private final RequestParameters request;

    public ApiParams(Map<String, JsonNode> values) {
        this.request = new RequestParameters(values);
    }

    public boolean has(String name) {
        return request.has(name);
    }

    public long requiredId(String name) {
        if (!has(name)) {
            return request.missing(name, "a positive integer", 0L);
        }
        Long value = optionalId(name);
        return value == null ? 0 : value;
    }

    public Long optionalId(String name) {
        Long value = optionalLong(name);
        if (value != null && value <= 0) {
            request.problem(name + ": expected a positive integer, got " + value);
            return null;
        }
        return value;
    }

    public Long optionalLong(String name) {
        JsonNode node = request.take(name);
        if (node == null) {
            return null;
        }
        try {
            long value = node.isIntegralNumber() ? node.bigIntegerValue().longValueExact()
                    : Long.parseLong(node.asText().trim());
            request.normalized(name, Long.toString(value));
            return value;
        } catch (RuntimeException e) {
            request.problem(name + ": expected an integer, got '" + node.asText() + "'");
            return null;
        }
    }

    public Integer optionalInt(String name, int min) {
        Long value = optionalLong(name);
        if (value == null) {
            return null;
        }
        if (value < min || value > Integer.MAX_VALUE) {
            request.problem(name + ": expected an integer of at least " + min + ", got " + value);
            return null;
        }
        return value.intValue();
    }

    public String requiredText(String name) {
        if (!has(name)) {
            return request.missing(name, "a non-empty string", null);
        }
        return optionalText(name);
    }

    public String optionalText(String name) {
        JsonNode node = request.take(name);
        if (node == null) {
            return null;
        }
        if (!node.isValueNode()) {
            request.problem(name + ": expected a string, got " + node.getNodeType().name().toLowerCase());
            return null;
        }
        String value = node.asText();
        if (value.isBlank()) {
            request.problem(name + ": must not be blank");
            return null;
        }
        if (!request.storable(name, value)) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            request.problem(name + ": is longer than " + MAX_TEXT + " characters");
            return null;
        }
        request.normalized(name, value);
        return value;
    }

    public boolean optionalBoolean(String name, boolean defaultValue) {
        JsonNode node = request.take(name);
        if (node == null) {
            return defaultValue;
        }
        String text = node.asText().trim().toLowerCase();
        boolean value;
        switch (text) {
            case "true", "1", "yes" -> value = true;
            case "false", "0", "no" -> value = false;
            default -> {
                request.problem(name + ": expected true or false, got '" + node.asText() + "'");
                return defaultValue;
            }
        }
        request.normalized(name, Boolean.toString(value));
        return value;
    }

    public BigDecimal optionalDecimal(String name) {
        JsonNode node = request.take(name);
        if (node == null) {
            return null;
        }
        try {
            BigDecimal value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim());
            request.normalized(name, value.stripTrailingZeros().toPlainString());
            return value;
        } catch (RuntimeException e) {
            request.problem(name + ": expected a number, got '" + node.asText() + "'");
            return null;
        }
    }

    /** A positive amount of zephycoins with at most {@value Zephycoins#SCALE} decimals. */
    public Zephycoins requiredPositiveCoins(String name) {
        if (!has(name)) {
            return request.missing(name, "a positive number of zephycoins", null);
        }
        Zephycoins value = optionalCoins(name);
        if (value != null && !value.isPositive()) {
            request.problem(name + ": expected a positive number of zephycoins, got " + value);
            return null;
        }
        return value;
    }

    /** An amount of zephycoins other than zero, either sign, with at most {@value Zephycoins#SCALE} decimals. */
    public Zephycoins requiredNonZeroCoins(String name) {
        if (!has(name)) {
            return request.missing(name, "a number of zephycoins other than zero", null);
        }
        Zephycoins value = optionalCoins(name);
        if (value != null && value.value().signum() == 0) {
            request.problem(name + ": expected a number of zephycoins other than zero (negative takes credit back), got 0");
            return null;
        }
        return value;
    }

    public Zephycoins optionalCoins(String name) {
        BigDecimal value = optionalDecimal(name);
        if (value == null) {
            return null;
        }
        if (value.stripTrailingZeros().scale() > Zephycoins.SCALE) {
            request.problem(name + ": has more than " + Zephycoins.SCALE + " decimals, zephycoins have "
                    + Zephycoins.SCALE);
            return null;
        }
        return Zephycoins.of(value);
    }

    /** A value from a closed set, parsed by {@code parser} (which throws IllegalArgumentException). */
    public <T> T optionalChoice(String name, Function<String, T> parser) {
        String text = optionalText(name);
        if (text == null) {
            return null;
        }
        try {
            return parser.apply(text);
        } catch (IllegalArgumentException e) {
            request.problem(name + ": " + e.getMessage());
            return null;
        }
    }

    public <T> T requiredChoice(String name, Function<String, T> parser, String expected) {
        if (!has(name)) {
            return request.missing(name, expected, null);
        }
        return optionalChoice(name, parser);
    }

    /**
     * A JSON object, given as a JSON body field or as JSON text in a form or query parameter; an
     * empty JSON array is an empty object.
     */
    public JsonNode optionalObject(String name) {
        return JsonObjectParams.optional(request, name);
    }

    /** UTC epoch seconds, from 1970 to the end of year 9999. */
    public Instant optionalEpochSeconds(String name) {
        Long seconds = optionalLong(name);
        if (seconds == null) {
            return null;
        }
        if (seconds < 0 || seconds > LAST_EPOCH_SECOND) {
            request.problem(name + ": expected a UTC timestamp in seconds from 0 to " + LAST_EPOCH_SECOND
                    + " (9999-12-31T23:59:59Z), got " + seconds);
            return null;
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** Integers given as a JSON array, repeated parameters, or one comma-separated string. */
    public List<Long> requiredIdList(String name) {
        return ListParams.requiredIds(request, name);
    }

    /** Texts given as a JSON array, repeated parameters, or one comma-separated string; empty when absent. */
    public List<String> optionalTextList(String name) {
        return ListParams.optionalTexts(request, name);
    }

    public Paging paging() {
        Integer limit = optionalInt("limit", 0);
        Integer offset = optionalInt("offset", 0);
        return new Paging(limit, offset == null ? 0 : offset);
    }

    public Sort order(SortableColumns columns) {
        String text = optionalText("order");
        return text == null ? Sort.NONE : OrderParser.parse(text, columns.fields(), request.problems());
    }

    /** The optional idempotency key of a command; not part of the request's content. */
    public String requestId() {
        JsonNode node = request.take(REQUEST_ID);
        if (node == null) {
            return null;
        }
        String value = node.asText();
        if (value.isBlank() || value.length() > 200) {
            request.problem(REQUEST_ID + ": expected a non-empty string of at most 200 characters");
            return null;
        }
        return request.storable(REQUEST_ID, value) ? value : null;
    }

    /** Adds a problem found by the endpoint itself (a rule between parameters). */
    public void reject(String message) {
        request.problem(message);
    }

    /** Refuses the request if anything was wrong or unknown. Call after reading every parameter. */
    public void done() {
        request.done();
    }

    /** A digest of the normalized content of the request, for idempotency checks. */
    public String fingerprint(String endpoint) {
        return request.fingerprint(endpoint);
    }
}
