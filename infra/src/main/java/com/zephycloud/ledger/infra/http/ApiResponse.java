package com.zephycloud.ledger.infra.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.zephycloud.ledger.query.common.Page;

import java.util.List;

/**
 * The envelope of every answer: {@code success} 1 or 0, {@code error_msgs}, {@code data}, and
 * {@code total} (the count before limit/offset) on paginated lists only.
 */
public record ApiResponse(int success,
                          List<String> errorMsgs,
                          Object data,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Long total) {

    public static final String OK = "ok";

    public static ApiResponse ok(Object data) {
        return new ApiResponse(1, List.of(), data, null);
    }

    public static ApiResponse ok() {
        return ok(OK);
    }

    public static ApiResponse page(Page<?> page) {
        return new ApiResponse(1, List.of(), page.items(), page.total());
    }

    public static ApiResponse error(List<String> messages) {
        return new ApiResponse(0, List.copyOf(messages), null, null);
    }
}
