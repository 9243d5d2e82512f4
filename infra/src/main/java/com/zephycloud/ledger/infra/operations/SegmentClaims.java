package com.zephycloud.ledger.infra.operations;

import com.zephycloud.ledger.infra.eventstore.InstanceName;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.HashSet;
import java.util.Set;

/**
 * Which of a processor's segments another instance holds, by the claims in the token store. Axon
 * keeps the status of a segment whose work failed (a database outage) until this instance claims
 * it again, and keeps it for good when releasing the claim failed too; when another instance
 * claimed the segment meanwhile, which the fair share makes likely, that never happens, and the
 * stale status (an error, or a position frozen behind a failure) would keep this instance's
 * readiness DOWN for good.
 */
final class SegmentClaims {

    private final JdbcTemplate jdbc;
    private final InstanceName instance;

    SegmentClaims(JdbcTemplate jdbc, InstanceName instance) {
        this.jdbc = jdbc;
        this.instance = instance;
    }

    /**
     * The segments of {@code processor} whose claim another instance owns. A segment released and
     * not claimed again (Axon releases a failing segment for a back-off), or a token store that
     * cannot be read, is not among them: its status here stands.
     */
    Set<Integer> heldElsewhere(String processor) {
        try {
            Set<Integer> elsewhere = new HashSet<>();
            jdbc.query("SELECT segment, owner FROM token_entry WHERE processor_name = ?", row -> {
                String owner = row.getString(2);
                if (owner != null && !owner.equals(instance.value())) {
                    elsewhere.add(row.getInt(1));
                }
            }, processor);
            return elsewhere;
        } catch (RuntimeException unreadable) {
            return Set.of();
        }
    }
}
