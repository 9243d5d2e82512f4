package com.zephycloud.ledger.infra.projects.files;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The configured storages, by name. */
public class FileStorages {

    private final Map<String, FileStorage> byName = new LinkedHashMap<>();

    public FileStorages(Iterable<FileStorage> storages) {
        storages.forEach(storage -> byName.put(storage.name(), storage));
    }

    public Optional<FileStorage> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    public FileStorage named(String name) {
        return find(name).orElseThrow(() -> new IllegalStateException("storage '" + name
                + "' is not configured here (zephy.storages." + name + "); configured: " + names()));
    }

    public Set<String> names() {
        return byName.keySet();
    }
}
