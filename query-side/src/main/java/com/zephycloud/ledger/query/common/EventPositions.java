package com.zephycloud.ledger.query.common;

import java.util.Collection;
import java.util.Map;

/**
 * The global positions of stored events, by event identifier. A handler's tracking token does not
 * tell the position of the event it comes with: after a gap (an event committed late) the token
 * holds the highest position seen so far, so the same event would get one position when projected
 * live and another in a rebuild. A read model that records positions asks the store instead.
 */
public interface EventPositions {

    /** The position of each of {@code eventIdentifiers} found in the event store. */
    Map<String, Long> of(Collection<String> eventIdentifiers);
}
