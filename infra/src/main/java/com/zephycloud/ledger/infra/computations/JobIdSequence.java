package com.zephycloud.ledger.infra.computations;

import com.zephycloud.ledger.kernel.JobId;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Job ids from the database sequence {@code job_id_seq}: unique across instances. */
@Component
public class JobIdSequence {

    private final JdbcTemplate jdbc;

    public JobIdSequence(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public JobId next() {
        return JobId.of(jdbc.queryForObject("SELECT nextval('job_id_seq')", Long.class));
    }
}
