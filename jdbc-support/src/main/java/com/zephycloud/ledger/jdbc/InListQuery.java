package com.zephycloud.ledger.jdbc;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;

import java.util.Collections;
import java.util.List;

/**
 * A query whose last condition is {@code column IN (…)} over a batch's worth of values, sent a few
 * hundred values per statement so that none carries more parameters than a driver takes.
 */
public final class InListQuery {

    private static final int PER_QUERY = 500;

    private InListQuery() {
    }

    /**
     * Runs {@code selectUpToIn} (e.g. {@code "SELECT … WHERE user_id IN"}) over {@code values},
     * handing every row to {@code rows}.
     */
    public static void query(JdbcTemplate jdbc, String selectUpToIn, List<?> values, RowCallbackHandler rows) {
        for (int start = 0; start < values.size(); start += PER_QUERY) {
            List<?> chunk = values.subList(start, Math.min(values.size(), start + PER_QUERY));
            jdbc.query(selectUpToIn + " (" + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", rows,
                    chunk.toArray());
        }
    }
}
