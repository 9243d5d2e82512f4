package com.zephycloud.ledger.kernel.projects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The status of a mesh or a calculation: the state of the computation that produces it. */
public enum WorkStatus {
    PENDING, COMPUTING, COMPUTED, CANCELED, KILLED;

    public static final String ALLOWED = Arrays.stream(values()).map(WorkStatus::json)
            .collect(Collectors.joining(", "));

    @JsonCreator
    public static WorkStatus parse(String text) {
        for (WorkStatus status : values()) {
            if (status.json().equals(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown status '" + text + "', expected one of: " + ALLOWED);
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
