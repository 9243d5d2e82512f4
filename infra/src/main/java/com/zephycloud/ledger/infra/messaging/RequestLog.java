package com.zephycloud.ledger.infra.messaging;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Requests already applied, by the client's {@code request_id}: the digest of their content and
 * the answer they got. Rows are written in the transaction of the command they record.
 */
@Component
public class RequestLog {

    public record Entry(String fingerprint, String result) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;

    public RequestLog(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Optional<Entry> find(String requestId) {
        List<Entry> rows = jdbc.query("SELECT fingerprint, result FROM request_log WHERE request_id = ?",
                (row, n) -> new Entry(row.getString("fingerprint"), row.getString("result")), requestId);
        return rows.stream().findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when a concurrent request took the id first */
    public void record(String requestId, String fingerprint, String result) {
        jdbc.update("INSERT INTO request_log (request_id, fingerprint, result, created_us) VALUES (?, ?, ?, ?)",
                requestId, fingerprint, result, clock.millis() * 1000);
    }
}
