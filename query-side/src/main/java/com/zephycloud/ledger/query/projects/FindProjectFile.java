package com.zephycloud.ledger.query.projects;

public record FindProjectFile(long fileId) {
}
