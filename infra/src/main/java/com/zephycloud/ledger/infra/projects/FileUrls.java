package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.infra.projects.files.FileStorages;
import com.zephycloud.ledger.query.projects.StoredFile;
import org.springframework.stereotype.Component;

/** Download urls of a project's files, from its storage. */
@Component
public class FileUrls {

    private final FileStorages storages;

    public FileUrls(FileStorages storages) {
        this.storages = storages;
    }

    /** The url of {@code file} in {@code storage}; null for no file, or a storage not configured here. */
    public String of(String storage, StoredFile file) {
        if (file == null) {
            return null;
        }
        return storages.find(storage).map(found -> found.downloadUrl(file.storageKey()).toString()).orElse(null);
    }
}
