package com.zephycloud.ledger.query.reports;

import java.math.BigDecimal;

/**
 * One kind of transaction (description and project) in a report window: the summed amount, the
 * date of its last transaction (UTC epoch seconds with microseconds), and the summed usage
 * figures, null when no transaction of that kind carried them.
 */
public record ReportDetail(BigDecimal amount,
                           BigDecimal date,
                           String description,
                           String project,
                           BigDecimal coresPerSec,
                           Long calcCount,
                           Long meshCount) {
}
