package com.zephycloud.ledger.query.projects;

import com.zephycloud.ledger.query.common.Page;

import java.util.List;

public record ProjectPage(List<ProjectSummary> items, long total) implements Page<ProjectSummary> {
}
