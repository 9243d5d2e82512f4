package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The JSON object parameters of {@link ApiParams} (a machine's prices, a toolchain's machines):
 * a form or a query string carries them as JSON text, and the dashboard's PHP writes an empty map
 * as an empty array.
 */
final class JsonObjectParams {

    private JsonObjectParams() {
    }

    /**
     * A JSON object, given as a JSON body field or as JSON text in a form or query parameter; an
     * empty JSON array is an empty object.
     */
    static JsonNode optional(RequestParameters request, String name) {
        JsonNode node = request.take(name);
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            try {
                node = new ObjectMapper().readTree(node.asText());
            } catch (JsonProcessingException e) {
                node = null;
            }
        }
        if (node != null && node.isArray() && node.isEmpty()) {
            node = JsonNodeFactory.instance.objectNode(); // PHP's json_encode writes an empty map as []
        }
        if (node == null || !node.isObject()) {
            request.problem(name + ": expected a JSON object");
            return null;
        }
        if (!request.storable(name, node)) {
            return null;
        }
        request.normalized(name, node.toString());
        return node;
    }
}
