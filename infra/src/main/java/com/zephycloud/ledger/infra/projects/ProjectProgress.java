package com.zephycloud.ledger.infra.projects;

import com.zephycloud.ledger.kernel.projects.ProjectStatus;

/**
 * The {@code progress} of {@code projects/show}: an estimate from the project's status alone
 * (pending 0, raw 0.25, analysing 0.5, analysed 1), as nothing finer is reported to us.
 */
final class ProjectProgress {

    private ProjectProgress() {
    }

    static double of(String status) {
        return switch (ProjectStatus.parse(status)) {
            case PENDING -> 0;
            case RAW -> 0.25;
            case ANALYSING -> 0.5;
            case ANALYSED -> 1;
        };
    }
}
