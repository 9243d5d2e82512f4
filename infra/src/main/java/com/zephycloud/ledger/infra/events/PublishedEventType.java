package com.zephycloud.ledger.infra.events;

/**
 * One type of the published contract: its stable public {@code name} ("ledger.CreditConsumed"),
 * its {@code version} (the record's {@code @Revision}) and the record it is read from.
 */
public record PublishedEventType(String name, String version, Class<?> payloadClass) {

    /** The committed JSON Schema of this version, under {@link EventContract#SCHEMA_FOLDER}. */
    public String schemaFile() {
        return schemaFile(name, version);
    }

    public static String schemaFile(String name, String version) {
        return name + ".v" + version + ".json";
    }
}
