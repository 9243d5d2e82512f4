package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zephycloud.ledger.infra.json.ApiJson;

/**
 * The published shape of a payload: the event record written as the API writes JSON
 * (snake_case, exact decimals, ISO-8601 UTC instants), less {@link EventContract#WITHHELD_FIELDS}.
 */
public final class PublishedPayloads {

    /**
     * The API's JSON, except that building a payload's tree keeps a decimal as the API writes it:
     * by default the tree strips trailing zeros once more, and a whole amount (100) then comes out
     * in exponent form (1E+2).
     */
    private static final ObjectMapper JSON = ApiJson.create()
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private PublishedPayloads() {
    }

    public static ObjectNode toJson(Object payload) {
        ObjectNode node = JSON.valueToTree(payload);
        node.remove(EventContract.WITHHELD_FIELDS);
        return node;
    }

    public static ObjectMapper json() {
        return JSON;
    }
}
