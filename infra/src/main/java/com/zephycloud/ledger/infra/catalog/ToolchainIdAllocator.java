package com.zephycloud.ledger.infra.catalog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Toolchain ids from a database sequence, so that several instances never hand out the same id. */
@Component
public class ToolchainIdAllocator {

    private final JdbcTemplate jdbc;

    public ToolchainIdAllocator(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long next() {
        return jdbc.queryForObject("SELECT nextval('toolchain_id_seq')", Long.class);
    }
}
