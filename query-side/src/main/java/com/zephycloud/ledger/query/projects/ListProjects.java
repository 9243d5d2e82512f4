package com.zephycloud.ledger.query.projects;

import com.zephycloud.ledger.kernel.projects.ProjectStatus;
import com.zephycloud.ledger.query.common.Paging;
import com.zephycloud.ledger.query.common.Sort;

import java.time.Instant;

/**
 * Projects not removed, as they were at {@code at} (null: now), optionally of one user, whose uid
 * contains {@code filter}, with one status or one storage.
 */
public record ListProjects(Long userId, Instant at, String filter, ProjectStatus status, String storage, Sort sort,
                           Paging paging) {
}
