package com.zephycloud.ledger.query.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * The API fields a list can be ordered by and the SQL expression each one stands for. Only
 * expressions from this map reach SQL; the client's text never does.
 */
public final class SortableColumns {

    private final Map<String, String> columns;
    private final String tieBreaker;

    private SortableColumns(Map<String, String> columns, String tieBreaker) {
        this.columns = columns;
        this.tieBreaker = tieBreaker;
    }

    /** {@code fieldsAndColumns}: API field, SQL expression, API field, SQL expression… */
    public static SortableColumns of(String tieBreaker, String... fieldsAndColumns) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndColumns.length; i += 2) {
            columns.put(fieldsAndColumns[i], fieldsAndColumns[i + 1]);
        }
        return new SortableColumns(columns, tieBreaker);
    }

    public Set<String> fields() {
        return columns.keySet();
    }

    /** ORDER BY clause; the tie breaker last, so that pages never overlap. */
    public String orderBy(Sort sort) {
        StringJoiner clause = new StringJoiner(", ", " ORDER BY ", "");
        for (SortKey key : sort.keys()) {
            String column = columns.get(key.field());
            if (column == null) {
                throw new IllegalArgumentException("cannot order by '" + key.field() + "', allowed: " + fields());
            }
            clause.add(column + (key.descending() ? " DESC" : " ASC"));
        }
        clause.add(tieBreaker);
        return clause.toString();
    }
}
