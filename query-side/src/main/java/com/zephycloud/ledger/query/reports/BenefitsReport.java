package com.zephycloud.ledger.query.reports;

import java.util.List;

/** The lines of {@code reports/benefits}, by user id; empty when the one user asked for does not exist. */
public record BenefitsReport(List<Benefits> users) {
}
