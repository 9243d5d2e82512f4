package com.zephycloud.ledger.query.common;

/** A LIKE pattern that matches {@code text} literally, anywhere in the value. */
public final class SqlLike {

    private SqlLike() {
    }

    public static String contains(String text) {
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped + "%";
    }
}
