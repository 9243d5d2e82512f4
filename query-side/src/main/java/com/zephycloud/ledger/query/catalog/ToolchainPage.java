package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record ToolchainPage(List<ToolchainView> items, long total) implements Page<ToolchainView> {
}
