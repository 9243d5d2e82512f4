package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record MachinePage(List<MachineView> items, long total) implements Page<MachineView> {
}
