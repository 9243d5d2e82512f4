package com.zephycloud.ledger.infra.jdbc;

import com.zephycloud.ledger.jdbc.BatchedStatements;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Batched writes are held until the unit of work prepares to commit, then sent in their order. */
class BatchedStatementsTest {

    private JdbcTemplate jdbc;
    private BatchedStatements writes;

    @BeforeEach
    void database() {
        jdbc = new JdbcTemplate(new DriverManagerDataSource("jdbc:h2:mem:writes_" + UUID.randomUUID()
                + ";DB_CLOSE_DELAY=-1"));
        jdbc.execute("CREATE TABLE schedule (job_id BIGINT PRIMARY KEY, next_slice BIGINT NOT NULL)");
        writes = new BatchedStatements(jdbc);
    }

    private long count() {
        return jdbc.queryForObject("SELECT count(*) FROM schedule", Long.class);
    }

    @Test
    void writesWaitForTheCommitAndKeepTheirOrder() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        writes.update("INSERT INTO schedule (job_id, next_slice) VALUES (?, 0)", 1L);
        writes.update("INSERT INTO schedule (job_id, next_slice) VALUES (?, 0)", 2L);
        writes.update("UPDATE schedule SET next_slice = 1 WHERE job_id = ?", 1L);
        writes.update("DELETE FROM schedule WHERE job_id = ?", 2L);
        writes.update("INSERT INTO schedule (job_id, next_slice) VALUES (?, 0)", 2L);
        assertThat(count()).isZero();

        unitOfWork.commit();

        assertThat(jdbc.queryForList("SELECT job_id || ':' || next_slice FROM schedule ORDER BY job_id", String.class))
                .containsExactly("1:1", "2:0");
    }

    @Test
    void aFailedRowCountCheckFailsTheCommit() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        writes.updateOne("UPDATE schedule SET next_slice = 1 WHERE job_id = ?", new Object[]{7L},
                "job 7 is not scheduled");

        assertThatThrownBy(unitOfWork::commit).isInstanceOf(IllegalStateException.class)
                .hasMessage("job 7 is not scheduled");
    }

    @Test
    void aLatestValueReplacesThePendingOneInItsPlace() {
        UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        writes.update("INSERT INTO schedule (job_id, next_slice) VALUES (?, 0)", 1L);
        writes.updateLatest("job 1", "UPDATE schedule SET next_slice = ? WHERE job_id = ?", 1L, 1L);
        writes.update("INSERT INTO schedule (job_id, next_slice) VALUES (?, 0)", 2L);
        writes.updateLatest("job 1", "UPDATE schedule SET next_slice = ? WHERE job_id = ?", 5L, 1L);
        writes.updateLatest("job 2", "UPDATE schedule SET next_slice = ? WHERE job_id = ?", 3L, 2L);

        unitOfWork.commit();

        // the update of job 2 runs after its insert, the latest value of job 1 wins
        assertThat(jdbc.queryForList("SELECT job_id || ':' || next_slice FROM schedule ORDER BY job_id", String.class))
                .containsExactly("1:5", "2:3");
    }

    @Test
    void withoutUnitOfWorkAWriteIsSentAtOnce() {
        writes.update("INSERT INTO schedule (job_id, next_slice) VALUES (?, 0)", 3L);

        assertThat(count()).isEqualTo(1);
    }
}
