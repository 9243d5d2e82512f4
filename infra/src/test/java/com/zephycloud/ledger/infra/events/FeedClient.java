package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.zephycloud.ledger.infra.support.ApiClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A consumer of events/list that keeps its own checkpoint, as another service would. */
final class FeedClient {

    private final ApiClient api;
    private final Map<String, Object> filters;

    FeedClient(ApiClient api, Map<String, Object> filters) {
        this.api = api;
        this.filters = filters;
    }

    /** Pages from {@code after} until a page brings nothing new; answers every event read. */
    List<JsonNode> readAll(long after, int limit) {
        List<JsonNode> events = new ArrayList<>();
        long checkpoint = after;
        while (true) {
            Map<String, Object> params = new LinkedHashMap<>(filters);
            params.put("after", checkpoint);
            params.put("limit", limit);
            JsonNode page = api.get("/service/events/list", params).ok();
            page.get("events").forEach(events::add);
            long next = page.get("next").asLong();
            if (next == checkpoint) {
                return events;
            }
            checkpoint = next;
        }
    }
}
