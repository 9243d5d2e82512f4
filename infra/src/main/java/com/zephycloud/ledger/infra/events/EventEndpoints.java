package com.zephycloud.ledger.infra.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.infra.http.ApiException;
import com.zephycloud.ledger.infra.http.ApiParams;
import com.zephycloud.ledger.infra.http.ApiResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;

import static org.springframework.web.bind.annotation.RequestMethod.GET;
import static org.springframework.web.bind.annotation.RequestMethod.POST;

/** Service API: the published domain events, as pages, as a stream, and their contract (docs/events.md). */
@RestController
@RequestMapping("/service/events")
public class EventEndpoints {

    private final EventContract contract;
    private final EventFeed feed;
    private final EventStream stream;
    private final Clock clock;
    private final int maxLimit;
    private final ObjectMapper json = new ObjectMapper();

    public EventEndpoints(EventContract contract, EventFeed feed, EventStream stream, Clock clock,
                          @Value("${zephy.events.max-limit}") int maxLimit) {
        this.contract = contract;
        this.feed = feed;
        this.stream = stream;
        this.clock = clock;
        this.maxLimit = maxLimit;
    }

    /** The events after {@code after}, in position order, and {@code next}: the {@code after} of the next call. */
    @RequestMapping(path = "/list", method = {GET, POST})
    public ApiResponse list(ApiParams params) {
        FeedQuery query = FeedParams.read(params, contract, clock, maxLimit);
        params.done();
        return ApiResponse.ok(query.filtered() ? feed.read(query) : feed.page(query));
    }

    /** Server-Sent Events: catch-up from {@code after} (or Last-Event-ID), then live. */
    @RequestMapping(path = "/stream", method = GET)
    public SseEmitter stream(ApiParams params, @RequestHeader(value = "Last-Event-ID", required = false) String lastEventId) {
        FeedQuery query = FeedParams.read(params, contract, clock, maxLimit);
        params.done();
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                long position = Long.parseLong(lastEventId.trim());
                if (position < 0) {
                    throw new NumberFormatException();
                }
                query = query.after(Math.max(position, query.after()));
            } catch (NumberFormatException e) {
                throw new ApiException(HttpStatus.BAD_REQUEST, "Last-Event-ID: expected the position of the last"
                        + " event received (an integer, 0 or more), got '" + lastEventId + "'");
            }
        }
        return stream.open(query);
    }

    /** The published types, each with its version and JSON Schema. */
    @RequestMapping(path = "/types", method = {GET, POST})
    public ApiResponse types(ApiParams params) {
        params.done();
        return ApiResponse.ok(contract.types().stream()
                .map(type -> new EventTypeView(type.name(), type.version(), schema(type.schemaFile())))
                .toList());
    }

    record EventTypeView(String type, String version, JsonNode schema) {
    }

    private JsonNode schema(String file) {
        try (InputStream in = new ClassPathResource(EventContract.SCHEMA_FOLDER + "/" + file).getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("the schema " + file + " is not in the application", e);
        }
    }
}
