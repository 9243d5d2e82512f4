package com.zephycloud.ledger.query.catalog;

import java.util.List;
import java.util.Map;

/** Machine names per provider, each list sorted. */
public record MachinesByProvider(Map<String, List<String>> machines) {
}
