package com.zephycloud.ledger.query.common;

import java.util.List;

/**
 * One page of a list, with {@code total}: the number of items before limit and offset. Each list
 * has its own concrete page record, because Axon matches query handlers by their declared
 * response type and cannot match a generic one.
 */
public interface Page<T> {

    List<T> items();

    long total();
}
