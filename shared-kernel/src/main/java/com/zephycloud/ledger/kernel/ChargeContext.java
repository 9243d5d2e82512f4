package com.zephycloud.ledger.kernel;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What a consumption is tied to, when it is tied to something: the project and job it paid for,
 * the computing slice {@code [computingStart, computingEnd)}, the cores × seconds of that slice,
 * and for storage the number of active calculations and meshes. Any field may be null.
 */
public record ChargeContext(String projectUid,
                            Long jobId,
                            Instant computingStart,
                            Instant computingEnd,
                            BigDecimal coresPerSec,
                            Integer calcCount,
                            Integer meshCount) {

    public static final ChargeContext NONE = new ChargeContext(null, null, null, null, null, null, null);

    public static ChargeContext project(String projectUid) {
        return new ChargeContext(projectUid, null, null, null, null, null, null);
    }
}
