package com.zephycloud.ledger.infra.projects.files;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.Map;

/** {@code zephy.storages}: the storages by name. */
@ConfigurationProperties(prefix = "zephy")
public record StorageProperties(Map<String, StorageSettings> storages) {

    public StorageProperties {
        storages = storages == null ? Map.of() : Map.copyOf(storages);
    }
}
