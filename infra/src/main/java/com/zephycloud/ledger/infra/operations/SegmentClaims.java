package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.eventstore.InstanceName;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Whether this instance holds a processor segment's claim in the token store. Axon keeps the
 * status of a segment whose work failed (a database outage) until this instance claims it again;
 * when another instance claimed it meanwhile, which the fair share makes likely, that never
 * happens, and the stale error would keep this instance's readiness DOWN for good.
 */
final class SegmentClaims {

    private final JdbcTemplate jdbc;
    private final InstanceName instance;

    SegmentClaims(JdbcTemplate jdbc, InstanceName instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    /** True when this instance owns the claim, or when the token store cannot be read (the error stands). */
    boolean heldHere(String processor, int segment) {
        try {
            List<String> owners = jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = ?",
                    String.class, processor, segment);
            return owners.isEmpty() || instance.value().equals(owners.get(0));
        } catch (RuntimeException unreadable) {
            return true;
        }
    }
}
