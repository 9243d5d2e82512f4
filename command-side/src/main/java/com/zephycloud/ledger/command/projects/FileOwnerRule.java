package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.FileRole;

import java.util.function.LongConsumer;

/**
 * A file names what it belongs to by its role: a mesh's file names a live mesh ({@code mesh_id}),
 * a calculation's file a live calculation ({@code job_id}), a project's file neither.
 */
final class FileOwnerRule {

    private FileOwnerRule() {
    }

    static void check(FileRole role, Long meshId, Long jobId, LongConsumer requireLiveMesh,
                      LongConsumer requireLiveCalculation) {
        if (role == null) {
            throw new IllegalArgumentException("role is required, expected one of: " + FileRole.ALLOWED);
        }
        switch (role.target()) {
            case MESH -> {
                requireOnly(role, meshId, "mesh_id", jobId, "job_id");
                requireLiveMesh.accept(meshId);
            }
            case CALCULATION -> {
                requireOnly(role, jobId, "job_id", meshId, "mesh_id");
                requireLiveCalculation.accept(jobId);
            }
            case PROJECT -> {
                if (meshId != null || jobId != null) {
                    throw new IllegalArgumentException("a file of role " + role.json()
                            + " belongs to the project itself: give neither mesh_id nor job_id");
                }
            }
        }
    }

    private static void requireOnly(FileRole role, Long required, String requiredName, Long other, String otherName) {
        if (required == null || other != null) {
            throw new IllegalArgumentException("a file of role " + role.json() + " needs " + requiredName
                    + " and no " + otherName);
        }
    }
}
