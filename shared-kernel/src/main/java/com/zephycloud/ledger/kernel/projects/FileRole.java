package com.zephycloud.ledger.kernel.projects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a project file is: the project's raw or analysed data, a mesh's preview or result, one of
 * a calculation's archives, or {@code other} (stored and counted, shown by id only).
 */
public enum FileRole {
    RAW(Target.PROJECT), ANALYZED(Target.PROJECT),
    MESH_PREVIEW(Target.MESH), MESH_RESULT(Target.MESH),
    CALC_STATUS(Target.CALCULATION), CALC_RESULT(Target.CALCULATION), CALC_ITERATIONS(Target.CALCULATION),
    CALC_REDUCE(Target.CALCULATION), CALC_INTERNAL(Target.CALCULATION),
    OTHER(Target.PROJECT);

    /** What a file of this role belongs to inside its project. */
    public enum Target { PROJECT, MESH, CALCULATION }

    public static final String ALLOWED = Arrays.stream(values()).map(FileRole::json)
            .collect(Collectors.joining(", "));

    private final Target target;

    FileRole(Target target) {
        this.target = target;
    }

    public Target target() {
        return target;
    }

    @JsonCreator
    public static FileRole parse(String text) {
        for (FileRole role : values()) {
            if (role.json().equals(text)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown file role '" + text + "', expected one of: " + ALLOWED);
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
