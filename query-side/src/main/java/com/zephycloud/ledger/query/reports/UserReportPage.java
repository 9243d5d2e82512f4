package com.zephycloud.ledger.query.reports;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record UserReportPage(List<UserReport> items, long total) implements Page<UserReport> {
}
