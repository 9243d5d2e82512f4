package com.zephycloud.ledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The API's integer user id. {@link #toString()} is the aggregate identifier ("user:7"): Axon
 * routes commands and associates sagas by it, and identifiers must be unique across all
 * aggregate types in the event store.
 */
public record UserId(long value) {

    public static final String PREFIX = "user:";

    public UserId {
        if (value <= 0) {
            throw new IllegalArgumentException("a user id is a positive integer, got " + value);
        }
    }

    @JsonCreator
    public static UserId of(long value) {
        return new UserId(value);
    }

    @JsonValue
    public long json() {
        return value;
    }

    @Override
    public String toString() {
        return PREFIX + value;
    }
}
