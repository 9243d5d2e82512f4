package com.zephycloud.ledger.kernel.projects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Where a project's initial data is: uploaded ({@code raw}), being analysed, analysed. */
public enum ProjectStatus {
    PENDING, RAW, ANALYSING, ANALYSED;

    public static final String ALLOWED = Arrays.stream(values()).map(ProjectStatus::json)
            .collect(Collectors.joining(", "));

    @JsonCreator
    public static ProjectStatus parse(String text) {
        for (ProjectStatus status : values()) {
            if (status.json().equals(text)) {
                return status;
            }
        }
        throw new IllegalArgumentException("unknown project status '" + text + "', expected one of: " + ALLOWED);
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
