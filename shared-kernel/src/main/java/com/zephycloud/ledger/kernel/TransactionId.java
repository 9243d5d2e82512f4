package com.zephycloud.ledger.kernel;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The API's integer transaction id, allocated from a database sequence. */
public record TransactionId(long value) implements Comparable<TransactionId> {

    public TransactionId {
        if (value <= 0) {
            throw new IllegalArgumentException("a transaction id is a positive integer, got " + value);
        }
    }

    @JsonCreator
    public static TransactionId of(long value) {
        return new TransactionId(value);
    }

    @JsonValue
    public long json() {
        return value;
    }

    @Override
    public int compareTo(TransactionId other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
