package com.zephycloud.ledger.query.projects;

import java.time.Instant;

/** A user who stores items, and when the first of them was created. */
public record StorageUser(long userId, Instant firstItemCreated) {
}
