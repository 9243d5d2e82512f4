package com.zephycloud.ledger.command.catalog;

import java.time.Instant;
import java.util.List;

/** Port: the machines of the catalog, read from a register written with their events. */
public interface MachineDirectory {

    /** Whether the machine is offered now (created and not removed). */
    boolean isOffered(String provider, String machine);

    /** Aggregate ids of the machines that are offered at {@code from} or scheduled after it. */
    List<String> offeredFrom(Instant from);
}
