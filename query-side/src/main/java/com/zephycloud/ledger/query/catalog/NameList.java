package com.zephycloud.ledger.query.catalog;

import java.util.List;

/** A list of names. */
public record NameList(List<String> names) {
}
