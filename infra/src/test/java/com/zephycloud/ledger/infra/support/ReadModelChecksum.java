package com.zephycloud.ledger.infra.support;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A SHA-256 of the content of every table but the event store's own (rows sorted, decimals
 * without trailing zeros), per table: what a rebuild must leave unchanged.
 */
public final class ReadModelChecksum {

    private static final Set<String> EVENT_STORE = Set.of("domain_event_entry", "snapshot_event_entry",
            "token_entry", "saga_entry", "association_value_entry", "flyway_schema_history",
            // the live instances, seen again every few seconds: not a read model
            "processor_instance");

    private ReadModelChecksum() {
    }

    public static Map<String, String> of(DataSource dataSource) {
        return of(dataSource, Set.of());
    }

    /** The same, leaving out {@code alsoExcluded} (tables that change with time, not with events). */
    public static Map<String, String> of(DataSource dataSource, Set<String> alsoExcluded) {
        Map<String, String> sums = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                    new String[]{"TABLE"})) {
                while (rs.next()) {
                    String table = rs.getString("TABLE_NAME").toLowerCase();
                    if (!EVENT_STORE.contains(table) && !alsoExcluded.contains(table)) {
                        tables.add(table);
                    }
                }
            }
            for (String table : tables) {
                sums.put(table, checksum(connection, table));
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return sums;
    }

    private static String checksum(Connection connection, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= meta.getColumnCount(); c++) {
                    Object value = rs.getObject(c);
                    if (value instanceof BigDecimal decimal) {
                        value = decimal.signum() == 0 ? "0" : decimal.stripTrailingZeros().toPlainString();
                    } else if (value instanceof byte[] bytes) {
                        value = HexFormat.of().formatHex(bytes);
                    }
                    row.append(value).append('\u0001');
                }
                rows.add(row.toString());
            }
        }
        rows.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            rows.forEach(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
            return rows.size() + " rows " + HexFormat.of().formatHex(sha.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
