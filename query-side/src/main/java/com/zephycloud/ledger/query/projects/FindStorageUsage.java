package com.zephycloud.ledger.query.projects;

import java.time.Instant;

/** How many meshes and calculations of {@code userId} were alive at some instant of [from, to). */
public record FindStorageUsage(long userId, Instant from, Instant to) {
}
