package com.zephycloud.ledger.infra.audit;

import java.util.List;

/**
 * The state of the last rebuild: {@code idle} (none since start-up), {@code running},
 * {@code finished} or {@code failed} ({@code error} says why). Events are counted as positions in
 * the event store, summed over the projections being rebuilt; the rate is events per second since
 * the start, the ETA the remaining events at that rate. Times are UTC epoch seconds.
 */
public record RebuildStatus(String state,
                            List<ProjectionProgress> projections,
                            long eventsDone,
                            long eventsTotal,
                            double eventsPerSecond,
                            Double etaSeconds,
                            double elapsedSeconds,
                            Long startedAt,
                            Long finishedAt,
                            String error) {

    public static final RebuildStatus IDLE = new RebuildStatus("idle", List.of(), 0, 0, 0, null, 0, null, null, null);
}
