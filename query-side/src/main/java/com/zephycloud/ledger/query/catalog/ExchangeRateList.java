package com.zephycloud.ledger.query.catalog;

import java.util.List;

public record ExchangeRateList(List<ExchangeRateView> rates) {
}
