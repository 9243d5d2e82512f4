package com.zephycloud.ledger.infra.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.http.ApiParams;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Readers of the catalog's object parameters ({@code prices}, {@code machines}, …) and of {@code date}. */
final class CatalogParams {

    private CatalogParams() {
    }

    /** {@code date}, or now when absent. */
    static Instant date(ApiParams params, Clock clock) {
        Instant date = params.optionalEpochSeconds("date");
        return date == null ? clock.instant() : date;
    }

    /** An object of names to numbers, like {@code prices} or {@code margins}. */
    static Map<String, BigDecimal> numbers(ApiParams params, String name) {
        JsonNode node = params.optionalObject(name);
        if (node == null) {
            return null;
        }
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            try {
                values.put(field.getKey(), field.getValue().isNumber() ? field.getValue().decimalValue()
                        : new BigDecimal(field.getValue().asText().trim()));
            } catch (NumberFormatException e) {
                params.reject(name + ": the value of '" + field.getKey() + "' is not a number");
            }
        });
        return values;
    }

    /** An object of names to strings, like {@code provider_specific}. */
    static Map<String, String> texts(ApiParams params, String name) {
        JsonNode node = params.optionalObject(name);
        if (node == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isValueNode()) {
                params.reject(name + ": the value of '" + field.getKey() + "' must be a string");
            } else {
                values.put(field.getKey(), field.getValue().asText());
            }
        });
        return values;
    }

    /**
     * {@code machines}: provider name to a list of machine names. A list may come as an object of
     * names, as PHP's json_encode writes a list an element was removed from ({"0": "a", "2": "c"}).
     */
    static Map<String, List<String>> machines(ApiParams params) {
        JsonNode node = params.optionalObject("machines");
        if (node == null) {
            return null;
        }
        Map<String, List<String>> machines = new LinkedHashMap<>();
        node.fields().forEachRemaining(field -> {
            if (!field.getValue().isArray() && !field.getValue().isObject()) {
                params.reject("machines: the value of '" + field.getKey() + "' must be a list of machine names");
                return;
            }
            List<String> names = new ArrayList<>();
            field.getValue().forEach(machine -> names.add(machine.asText()));
            machines.put(field.getKey(), names);
        });
        return machines;
    }

    static Integer integer(ApiParams params, String name) {
        return params.optionalInt(name, Integer.MIN_VALUE);
    }

    static int requiredInteger(ApiParams params, String name) {
        if (!params.has(name)) {
            params.reject(name + ": is required, expected an integer");
        }
        Integer value = integer(params, name);
        return value == null ? 0 : value;
    }
}
