package com.zephycloud.ledger.command.projects;

import com.zephycloud.ledger.kernel.projects.ProjectUid;
import com.zephycloud.ledger.kernel.UserId;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Opens project {@code projectUid} for {@code userId}, its files kept in the storage named {@code storage}. */
public record CreateProject(@TargetAggregateIdentifier ProjectUid projectUid, UserId userId, String storage) {
}
