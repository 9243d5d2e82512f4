package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;
import com.zephycloud.ledger.query.common.SortableColumns;
import org.springframework.http.HttpStatus;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The parameters of one request, from the query string, a form body or a JSON body alike.
 * An endpoint reads every parameter it accepts, then calls {@link #done()}: that refuses the
 * request, before anything changes, if a value had the wrong type or form, a required one was
 * missing, or the request carried a parameter the endpoint does not know. Every problem is
 * reported at once, each message naming the parameter and what it expects.
 */
public final class ApiParams {

    public static final String REQUEST_ID = "request_id";
    private static final int MAX_TEXT = 2000;
    /** 9999-12-31T23:59:59Z: dates beyond have no four-digit year, and reports count microseconds in a long. */
    static final long LAST_EPOCH_SECOND = 253_402_300_799L;

    private final Map<String, JsonNode> values;
    private final Set<String> read = new LinkedHashSet<>();
    private final List<String> errors = new ArrayList<>();
    /** The values as read, normalized: what makes two requests "the same content". */
    private final Map<String, String> canonical = new TreeMap<>();

    public ApiParams(Map<String, JsonNode> values) {
        this.values = values;
    }

    public boolean has(String name) {
        JsonNode node = values.get(name);
        return node != null && !node.isNull() && !(node.isTextual() && node.asText().isEmpty());
    }

    public long requiredId(String name) {
        if (!has(name)) {
            return missing(name, "a positive integer", 0L);
        }
        Long value = optionalId(name);
        return value == null ? 0 : value;
    }

    public Long optionalId(String name) {
        Long value = optionalLong(name);
        if (value != null && value <= 0) {
            errors.add(name + ": expected a positive integer, got " + value);
            return null;
        }
        return value;
    }

    public Long optionalLong(String name) {
        JsonNode node = take(name);
        if (node == null) {
            return null;
        }
        try {
            long value = node.isIntegralNumber() ? node.bigIntegerValue().longValueExact()
                    : Long.parseLong(node.asText().trim());
            canonical.put(name, Long.toString(value));
            return value;
        } catch (RuntimeException e) {
            errors.add(name + ": expected an integer, got '" + node.asText() + "'");
            return null;
        }
    }

    public Integer optionalInt(String name, int min) {
        Long value = optionalLong(name);
        if (value == null) {
            return null;
        }
        if (value < min || value > Integer.MAX_VALUE) {
            errors.add(name + ": expected an integer of at least " + min + ", got " + value);
            return null;
        }
        return value.intValue();
    }

    public String requiredText(String name) {
        if (!has(name)) {
            return missing(name, "a non-empty string", null);
        }
        return optionalText(name);
    }

    public String optionalText(String name) {
        JsonNode node = take(name);
        if (node == null) {
            return null;
        }
        if (!node.isValueNode()) {
            errors.add(name + ": expected a string, got " + node.getNodeType().name().toLowerCase());
            return null;
        }
        String value = node.asText();
        if (value.isBlank()) {
            errors.add(name + ": must not be blank");
            return null;
        }
        if (!storable(name, value)) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            errors.add(name + ": is longer than " + MAX_TEXT + " characters");
            return null;
        }
        canonical.put(name, value);
        return value;
    }

    public boolean optionalBoolean(String name, boolean defaultValue) {
        JsonNode node = take(name);
        if (node == null) {
            return defaultValue;
        }
        String text = node.asText().trim().toLowerCase();
        boolean value;
        switch (text) {
            case "true", "1", "yes" -> value = true;
            case "false", "0", "no" -> value = false;
            default -> {
                errors.add(name + ": expected true or false, got '" + node.asText() + "'");
                return defaultValue;
            }
        }
        canonical.put(name, Boolean.toString(value));
        return value;
    }

    public BigDecimal optionalDecimal(String name) {
        JsonNode node = take(name);
        if (node == null) {
            return null;
        }
        try {
            BigDecimal value = node.isNumber() ? node.decimalValue() : new BigDecimal(node.asText().trim());
            canonical.put(name, value.stripTrailingZeros().toPlainString());
            return value;
        } catch (RuntimeException e) {
            errors.add(name + ": expected a number, got '" + node.asText() + "'");
            return null;
        }
    }

    /** A positive amount of zephycoins with at most {@value Zephycoins#SCALE} decimals. */
    public Zephycoins requiredPositiveCoins(String name) {
        if (!has(name)) {
            return missing(name, "a positive number of zephycoins", null);
        }
        Zephycoins value = optionalCoins(name);
        if (value != null && !value.isPositive()) {
            errors.add(name + ": expected a positive number of zephycoins, got " + value);
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
            errors.add(name + ": has more than " + Zephycoins.SCALE + " decimals, zephycoins have "
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
            errors.add(name + ": " + e.getMessage());
            return null;
        }
    }

    public <T> T requiredChoice(String name, Function<String, T> parser, String expected) {
        if (!has(name)) {
            return missing(name, expected, null);
        }
        return optionalChoice(name, parser);
    }

    /** A JSON object, given as a JSON body field or as JSON text in a form or query parameter. */
    public JsonNode optionalObject(String name) {
        JsonNode node = take(name);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            try {
                node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(node.asText());
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                node = null;
            }
        }
        if (node == null || !node.isObject()) {
            errors.add(name + ": expected a JSON object");
            return null;
        }
        if (!storable(name, node)) {
            return null;
        }
        canonical.put(name, node.toString());
        return node;
    }

    /** UTC epoch seconds, from 1970 to the end of year 9999. */
    public Instant optionalEpochSeconds(String name) {
        Long seconds = optionalLong(name);
        if (seconds == null) {
            return null;
        }
        if (seconds < 0 || seconds > LAST_EPOCH_SECOND) {
            errors.add(name + ": expected a UTC timestamp in seconds from 0 to " + LAST_EPOCH_SECOND
                    + " (9999-12-31T23:59:59Z), got " + seconds);
            return null;
        }
        return Instant.ofEpochSecond(seconds);
    }

    /** Integers given as a JSON array, repeated parameters, or one comma-separated string. */
    public List<Long> requiredIdList(String name) {
        JsonNode node = take(name);
        List<Long> ids = new ArrayList<>();
        if (node == null) {
            return missing(name, "a list of positive integers", ids);
        }
        List<String> texts = new ArrayList<>();
        if (node.isArray()) {
            node.forEach(element -> texts.add(element.asText()));
        } else {
            for (String part : node.asText().replace("[", "").replace("]", "").split(",")) {
                if (!part.isBlank()) {
                    texts.add(part.trim());
                }
            }
        }
        for (String text : texts) {
            try {
                long id = Long.parseLong(text.trim());
                if (id <= 0) {
                    throw new NumberFormatException();
                }
                ids.add(id);
            } catch (NumberFormatException e) {
                errors.add(name + ": expected a list of positive integers, '" + text + "' is not one");
            }
        }
        if (texts.isEmpty()) {
            errors.add(name + ": is empty, give at least one id");
        }
        canonical.put(name, ids.toString());
        return ids;
    }

    /** Texts given as a JSON array, repeated parameters, or one comma-separated string; empty when absent. */
    public List<String> optionalTextList(String name) {
        JsonNode node = take(name);
        List<String> texts = new ArrayList<>();
        if (node == null) {
            return texts;
        }
        if (node.isArray()) {
            node.forEach(element -> texts.add(element.asText().trim()));
        } else {
            for (String part : node.asText().split(",")) {
                texts.add(part.trim());
            }
        }
        texts.removeIf(String::isEmpty);
        texts.removeIf(text -> !storable(name, text));
        canonical.put(name, texts.toString());
        return texts;
    }

    public Paging paging() {
        Integer limit = optionalInt("limit", 0);
        Integer offset = optionalInt("offset", 0);
        return new Paging(limit, offset == null ? 0 : offset);
    }

    public Sort order(SortableColumns columns) {
        String text = optionalText("order");
        return text == null ? Sort.NONE : OrderParser.parse(text, columns.fields(), errors);
    }

    /** The optional idempotency key of a command; not part of the request's content. */
    public String requestId() {
        JsonNode node = take(REQUEST_ID);
        if (node == null) {
            return null;
        }
        String value = node.asText();
        if (value.isBlank() || value.length() > 200) {
            errors.add(REQUEST_ID + ": expected a non-empty string of at most 200 characters");
            return null;
        }
        return storable(REQUEST_ID, value) ? value : null;
    }

    /** Text holding U+0000 cannot be stored (PostgreSQL's text types refuse it): refused here, named. */
    private boolean storable(String name, String value) {
        if (value.indexOf('\u0000') >= 0) {
            errors.add(name + ": contains the NUL character (U+0000), which cannot be stored; remove it");
            return false;
        }
        return true;
    }

    private boolean storable(String name, JsonNode node) {
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

    /** Adds a problem found by the endpoint itself (a rule between parameters). */
    public void reject(String message) {
        errors.add(message);
    }

    /** Refuses the request if anything was wrong or unknown. Call after reading every parameter. */
    public void done() {
        List<String> problems = new ArrayList<>(errors);
        for (String name : values.keySet()) {
            if (!read.contains(name)) {
                problems.add(name + ": unknown parameter" + (read.isEmpty() ? ", this endpoint takes none"
                        : "; this endpoint takes: " + String.join(", ", read)));
            }
        }
        if (!problems.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, problems);
        }
    }

    /** A digest of the normalized content of the request, for idempotency checks. */
    public String fingerprint(String endpoint) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((endpoint + canonical).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private JsonNode take(String name) {
        read.add(name);
        return has(name) ? values.get(name) : null;
    }

    /** Records a missing required parameter and answers {@code placeholder}. */
    private <T> T missing(String name, String expected, T placeholder) {
        read.add(name);
        errors.add(name + ": is required, expected " + expected);
        return placeholder;
    }
}
