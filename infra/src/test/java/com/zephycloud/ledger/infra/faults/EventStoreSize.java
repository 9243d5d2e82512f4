package com.zephycloud.ledger.infra.faults;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The event table's size on disk per event (heap, TOAST and indexes) and the database's, for docs/scaling.md. */
final class EventStoreSize {

    private EventStoreSize() {
    }

    static String of(ThrowawayPostgres database) throws SQLException {
        try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE domain_event_entry");
            try (ResultSet row = statement.executeQuery("SELECT count(*), pg_table_size('domain_event_entry'),"
                    + " pg_indexes_size('domain_event_entry'), pg_total_relation_size('domain_event_entry'),"
                    + " avg(octet_length(payload)), avg(octet_length(meta_data)) FROM domain_event_entry")) {
                row.next();
                long events = row.getLong(1);
                String store = String.format("event store: %d events; table %d bytes, indexes %d bytes, total %d bytes:"
                                + " %d bytes per event (payload %.0f, metadata %.0f bytes on average)", events,
                        row.getLong(2), row.getLong(3), row.getLong(4), events == 0 ? 0 : row.getLong(4) / events,
                        row.getDouble(5), row.getDouble(6));
                return store + "; " + database(statement);
            }
        }
    }

    /** The whole database per ledger transaction: events, read models, registers and request log. */
    private static String database(Statement statement) throws SQLException {
        try (ResultSet row = statement.executeQuery("SELECT pg_database_size(current_database()),"
                + " (SELECT count(*) FROM ledger_transactions), (SELECT pg_total_relation_size('ledger_transactions')),"
                + " (SELECT pg_total_relation_size('request_log'))")) {
            row.next();
            long transactions = row.getLong(2);
            return String.format("database %d bytes for %d ledger transactions (ledger_transactions %d bytes,"
                            + " request_log %d bytes)", row.getLong(1), transactions, row.getLong(3), row.getLong(4));
        }
    }
}
