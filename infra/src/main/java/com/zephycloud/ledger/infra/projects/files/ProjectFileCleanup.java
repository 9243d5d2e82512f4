package com.zephycloud.ledger.infra.projects.files;

import com.zephycloud.ledger.infra.messaging.ProcessingGroups;
import com.zephycloud.ledger.kernel.events.projects.ProjectRemoved;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes a removed project's files from its storage. The keys come from the event, that is from
 * the project's own files (a key belongs to one project only, see the storage key register), so
 * another project's file is never touched. A tracking processor runs it after the removal is
 * stored, and retries on failure; deleting an absent key is not an error, so a retry is harmless.
 */
@ProcessingGroup(ProjectFileCleanup.PROCESSING_GROUP)
public class ProjectFileCleanup {

    /** Outbound, not a read model: queries do not wait for it, rebuilds do not replay it (ProcessingGroups). */
    public static final String PROCESSING_GROUP = ProcessingGroups.PROJECT_FILE_CLEANUP;
    private static final Logger log = LoggerFactory.getLogger(ProjectFileCleanup.class);

    private final FileStorages storages;

    public ProjectFileCleanup(FileStorages storages) {
        this.storages = storages;
    }

    @EventHandler
    void on(ProjectRemoved event) {
        var storage = storages.find(event.storage());
        if (storage.isEmpty()) {
            log.warn("files of removed project {} are in storage '{}', which is not configured here: left in place",
                    event.projectUid().value(), event.storage());
            return;
        }
        event.storageKeys().forEach(storage.get()::delete);
    }
}
