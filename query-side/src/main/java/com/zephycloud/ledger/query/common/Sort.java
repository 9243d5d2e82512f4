package com.zephycloud.ledger.query.common;

import java.util.List;

/** An ordering asked by a client: API field names, already checked against the allowed ones. */
public record Sort(List<SortKey> keys) {

    public static final Sort NONE = new Sort(List.of());

    public Sort {
        keys = List.copyOf(keys);
    }
}
