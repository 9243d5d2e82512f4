package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.eventstore.InstanceName;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/**
 * Whether another instance holds a processor segment's claim in the token store. Axon keeps the
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

    /**
     * True when another instance owns the segment's claim. A segment released and not claimed
     * again (Axon releases a failing segment for a back-off), or a token store that cannot be
     * read, is not: the error stands.
     */
    boolean heldElsewhere(String processor, int segment) {
        try {
            List<String> owners = jdbc.queryForList("SELECT owner FROM token_entry WHERE processor_name = ? AND segment = ?",
                    String.class, processor, segment);
            String owner = owners.isEmpty() ? null : owners.get(0);
            return owner != null && !owner.equals(instance.value());
        } catch (RuntimeException unreadable) {
            return false;
        }
    }
}
