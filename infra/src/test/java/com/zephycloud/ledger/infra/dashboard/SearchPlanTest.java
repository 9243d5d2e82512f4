package com.zephycloud.ledger.infra.dashboard;

import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.TestDatabase;
import com.zephycloud.ledger.jdbc.SqlDialect;
import com.zephycloud.ledger.query.search.SearchQueries;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code admin/search} never reads a whole table: the database's plan for each of its statements
 * is an index range. On PostgreSQL the plan is asked with sequential scans disabled, so that a
 * missing index shows whatever the size of the test's tables; H2 names the index it uses with the
 * range it reads, or "tableScan".
 */
class SearchPlanTest extends ApiTest {

    @Autowired
    private NamedParameterJdbcTemplate jdbc;
    @Autowired
    private TransactionTemplate transactions;
    @Autowired
    private SqlDialect dialect;

    @Test
    void everySearchStatementIsAnIndexRange() {
        MapSqlParameterSource params = new MapSqlParameterSource("id", 7L).addValue("prefix", "mar%")
                .addValue("limit", 20);
        for (String statement : SearchQueries.Statements.of(dialect).all()) {
            String plan = planOf(statement, params);
            assertThat(plan).as("plan of %s", statement).doesNotContain("Seq Scan").doesNotContain("tableScan");
            if (TestDatabase.isPostgres()) {
                // a full index scan filtered row by row would also avoid "Seq Scan": ask for a range,
                // read in the order asked (a sort would read every match before the first row)
                assertThat(plan).as("plan of %s", statement).contains("Index Cond").doesNotContain("Sort");
            } else {
                assertThat(plan).as("plan of %s", statement).containsPattern("/\\* public\\.\\w+: \\S+ (=|>=) ");
            }
        }
    }

    private String planOf(String statement, MapSqlParameterSource params) {
        return transactions.execute(status -> {
            if (TestDatabase.isPostgres()) {
                jdbc.getJdbcTemplate().execute("SET LOCAL enable_seqscan = off");
            }
            return String.join("\n", jdbc.queryForList("EXPLAIN " + statement, params, String.class));
        });
    }
}
