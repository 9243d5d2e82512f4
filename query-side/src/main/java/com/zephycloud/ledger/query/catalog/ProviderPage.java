package com.zephycloud.ledger.query.catalog;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record ProviderPage(List<ProviderView> items, long total) implements Page<ProviderView> {
}
