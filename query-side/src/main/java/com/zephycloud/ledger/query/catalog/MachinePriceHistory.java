package com.zephycloud.ledger.query.catalog;

import java.util.List;

public record MachinePriceHistory(List<MachineVersionView> versions) {
}
