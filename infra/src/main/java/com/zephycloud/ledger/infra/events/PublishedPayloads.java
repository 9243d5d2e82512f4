package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zephycloud.ledger.infra.json.ApiJson;

/**
 * The published shape of a payload: the event record written as the API writes JSON
 * (snake_case, exact decimals, ISO-8601 UTC instants), less {@link EventContract#WITHHELD_FIELDS}.
 */
public final class PublishedPayloads {

    private static final ObjectMapper JSON = ApiJson.create();

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
