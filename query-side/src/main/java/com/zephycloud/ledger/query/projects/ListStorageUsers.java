package com.zephycloud.ledger.query.projects;

import java.time.Instant;

/** The users who had a mesh or a calculation created before {@code before}. */
public record ListStorageUsers(Instant before) {
}
