package com.zephycloud.ledger.infra.faults;

import com.fasterxml.jackson.databind.JsonNode;

/** One HTTP answer, or none ({@code status} 0: refused connection, cut connection or timeout). */
record HttpAnswer(int status, JsonNode body) {

    static final HttpAnswer NONE = new HttpAnswer(0, null);

    boolean acknowledged() {
        return status == 200 && body != null && body.path("success").asInt() == 1;
    }

    /** A refusal in the API's envelope: {@code success} 0 with a message. */
    boolean envelope() {
        return body != null && body.path("success").isInt() && body.path("error_msgs").isArray();
    }

    JsonNode data() {
        return body.get("data");
    }

    @Override
    public String toString() {
        return status == 0 ? "no answer" : status + " " + body;
    }
}
