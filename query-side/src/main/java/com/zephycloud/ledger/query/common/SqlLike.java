package com.zephycloud.ledger.query.common;

/** LIKE patterns that match a text literally (with {@code ESCAPE '\\'}). */
public final class SqlLike {

    private SqlLike() {
    }

    /** Matches {@code text} anywhere in the value. */
    public static String contains(String text) {
        return "%" + escaped(text) + "%";
    }

    /** Matches values that start with {@code text}: a range of an index on the column. */
    public static String startsWith(String text) {
        return escaped(text) + "%";
    }

    private static String escaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
