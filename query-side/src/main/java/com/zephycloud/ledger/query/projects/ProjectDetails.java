package com.zephycloud.ledger.query.projects;

import java.math.BigDecimal;
import java.util.List;

/**
 * A project as {@code projects/show} needs it. {@code totalSize}: bytes of its files not deleted;
 * {@code amount}: zephycoins burned on it (its transactions' amounts, negated, net of cancellations).
 */
public record ProjectDetails(long userId, String login, String email, boolean ownerDeleted, String projectUid,
                             long createDate, String status, String storage, boolean removed, long totalSize,
                             StoredFile rawFile, StoredFile analyzedFile, BigDecimal amount, List<MeshView> meshes,
                             List<CalculationView> calculations) {
}
