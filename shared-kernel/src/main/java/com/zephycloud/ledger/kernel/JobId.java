package com.zephycloud.ledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The API's integer job id (a computation), allocated from a database sequence.
 * {@link #toString()} is the aggregate identifier ("job:54").
 */
public record JobId(long value) {

    public static final String PREFIX = "job:";

    public JobId {
        if (value <= 0) {
            throw new IllegalArgumentException("a job id is a positive integer, got " + value);
        }
    }

    @JsonCreator
    public static JobId of(long value) {
        return new JobId(value);
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
