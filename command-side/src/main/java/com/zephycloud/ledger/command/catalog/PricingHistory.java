package com.zephycloud.ledger.command.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Port: the pricing inputs over time (constants and exchange rates), as stored with their events. */
public interface PricingHistory {

    /** The inputs valid at {@code at}; empty when no pricing constants were set by then. */
    Optional<PricingInputs> at(Instant at);

    /** The instants after {@code after} at which scheduled pricing changes take effect, in order. */
    List<Instant> changesAfter(Instant after);
}
