package com.zephycloud.ledger.infra.audit;

/** How far one projection's replay has come, in events of the event store. */
public record ProjectionProgress(String projection, long eventsDone, long eventsTotal) {
}
