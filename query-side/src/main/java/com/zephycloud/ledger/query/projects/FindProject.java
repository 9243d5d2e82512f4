package com.zephycloud.ledger.query.projects;

/** The current state of a project (removed or not), with deleted meshes and calculations if asked. */
public record FindProject(String projectUid, boolean includeDeletedItems) {
}
