package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.jdbc.SqlDialect;

/**
 * The SQL source of "every machine offered at {@code :at} (alias {@code o}), with its version
 * valid at {@code :at} (alias {@code v})". Both forms find each version with one descending seek
 * of the key (provider, machine, valid_from_us) from {@code :at}, so that their cost grows with
 * the number of machines read, not with their versions; a plain range scan over the versions
 * would read every version before {@code :at}.
 */
final class MachineVersionsAt {

    /** The periods a machine is offered in: one row per machine at {@code :at}. */
    static final String OFFERED = " FROM catalog_machine_period o WHERE" + Validity.validAt("o");

    private MachineVersionsAt() {
    }

    static String from(SqlDialect dialect) {
        if (dialect == SqlDialect.POSTGRESQL) {
            // LATERAL ... ORDER BY ... LIMIT 1 reads one index entry per machine; PostgreSQL may
            // hash-join the standard form below over every version instead.
            return " FROM catalog_machine_period o CROSS JOIN LATERAL (SELECT * FROM catalog_machine_version x"
                    + " WHERE x.provider = o.provider AND x.machine = o.machine AND" + Validity.validAt("x")
                    + " ORDER BY x.valid_from_us DESC LIMIT 1) v WHERE" + Validity.validAt("o");
        }
        return " FROM catalog_machine_period o JOIN catalog_machine_version v"
                + " ON v.provider = o.provider AND v.machine = o.machine AND v.valid_from_us = ("
                + "SELECT max(x.valid_from_us) FROM catalog_machine_version x"
                + " WHERE x.provider = o.provider AND x.machine = o.machine AND x.valid_from_us <= :at)"
                + " WHERE" + Validity.validAt("o") + " AND" + Validity.validAt("v");
    }
}
