package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * The list parameters of {@link ApiParams}: a client sends a list as a JSON array, as a repeated
 * parameter (bound as an array) or as one comma-separated string.
 */
final class ListParams {

    private ListParams() {
    }

    /** Integers given as a JSON array, repeated parameters, or one comma-separated string. */
    static List<Long> requiredIds(RequestParameters request, String name) {
        JsonNode node = request.take(name);
        List<Long> ids = new ArrayList<>();
        if (node == null) {
            return request.missing(name, "a list of positive integers", ids);
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
                request.problem(name + ": expected a list of positive integers, '" + text + "' is not one");
            }
        }
        if (texts.isEmpty()) {
            request.problem(name + ": is empty, give at least one id");
        }
        request.normalized(name, ids.toString());
        return ids;
    }

    /** Texts given as a JSON array, repeated parameters, or one comma-separated string; empty when absent. */
    static List<String> optionalTexts(RequestParameters request, String name) {
        JsonNode node = request.take(name);
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
        texts.removeIf(text -> !request.storable(name, text));
        request.normalized(name, texts.toString());
        return texts;
    }
}
