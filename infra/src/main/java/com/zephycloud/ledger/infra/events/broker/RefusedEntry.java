package com.zephycloud.ledger.infra.events.broker;

/** An entry of a batch the destination did not take, and its reason: it is sent again, alone of its batch. */
public record RefusedEntry(OutgoingMessage message, String reason) {
}
