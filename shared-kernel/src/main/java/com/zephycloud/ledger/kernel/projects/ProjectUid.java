package com.zephycloud.ledger.kernel.projects;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Instant;
import java.util.regex.Pattern;

/**
 * A project's codename, as the API shows it: {@code <login>-<creation epoch seconds, 2 decimals>-<random part>},
 * e.g. {@code tristan-1529949694.06-7b67…HBE2}. {@link #toString()} is the aggregate identifier
 * ("project:tristan-…"), unique across aggregate types.
 */
public record ProjectUid(String value) {

    public static final String PREFIX = "project:";
    private static final Pattern FORM = Pattern.compile("[a-z]+(\\.[a-z]+)*-\\d+\\.\\d{2}-[0-9A-Za-z]+");

    public ProjectUid {
        if (value == null || !FORM.matcher(value).matches()) {
            throw new IllegalArgumentException("'" + value
                    + "' is not a project uid, expected <login>-<epoch seconds with 2 decimals>-<letters and digits>");
        }
    }

    @JsonCreator
    public static ProjectUid of(String value) {
        return new ProjectUid(value);
    }

    /** The uid of a project of {@code login} created at {@code createdAt}, with {@code randomPart}. */
    public static ProjectUid create(String login, Instant createdAt, String randomPart) {
        long centis = createdAt.getEpochSecond() * 100 + createdAt.getNano() / 10_000_000;
        String seconds = centis / 100 + "." + String.format("%02d", centis % 100);
        return new ProjectUid(login + "-" + seconds + "-" + randomPart);
    }

    @JsonValue
    public String json() {
        return value;
    }

    @Override
    public String toString() {
        return PREFIX + value;
    }
}
