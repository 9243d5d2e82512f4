package com.zephycloud.ledger.query.common;

/** {@code limit} null means no limit. */
public record Paging(Integer limit, long offset) {

    public static final Paging ALL = new Paging(null, 0);

    public String sql() {
        return (limit == null ? "" : " LIMIT " + limit) + (offset == 0 ? "" : " OFFSET " + offset);
    }
}
