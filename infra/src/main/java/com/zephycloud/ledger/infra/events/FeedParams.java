package com.zephycloud.ledger.infra.events;

import com.zephycloud.ledger.infra.http.ApiParams;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;

/** The filters shared by events/list and events/stream, read and checked from the request. */
final class FeedParams {

    static final int DEFAULT_LIMIT = 100;

    private FeedParams() {
    }

    static FeedQuery read(ApiParams params, EventContract contract, Clock clock, int maxLimit) {
        Long after = params.optionalLong("after");
        if (after != null && after < 0) {
            params.reject("after: expected a position (0 or more), got " + after);
        }
        Integer limit = params.optionalInt("limit", 1);
        if (limit != null && limit > maxLimit) {
            params.reject("limit: at most " + maxLimit + " events per request, got " + limit);
        }
        Set<String> types = new LinkedHashSet<>(params.optionalTextList("type"));
        for (String type : types) {
            if (contract.byName(type).isEmpty()) {
                params.reject("type: unknown event type '" + type + "', expected some of: " + contract.types().stream()
                        .map(PublishedEventType::name).collect(Collectors.joining(", ")));
            }
        }
        Long userId = params.optionalId("user_id");
        Long jobId = params.optionalId("job_id");
        Integer lastSeconds = params.optionalInt("last_seconds", 1);
        Instant since = lastSeconds == null ? null : clock.instant().minusSeconds(lastSeconds);
        return new FeedQuery(after == null || after < 0 ? 0 : after, limit == null ? DEFAULT_LIMIT : limit,
                types, userId, jobId, since);
    }
}
