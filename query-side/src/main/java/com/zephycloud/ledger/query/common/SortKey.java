package com.zephycloud.ledger.query.common;

/** One field of an ordering, by its API name. */
public record SortKey(String field, boolean descending) {
}
