package com.zephycloud.ledger.kernel.events.catalog;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** A provider's description changed; the event carries its whole new description. */
@Revision("1")
public record ProviderUpdated(String provider, String location, String type, Map<String, String> providerSpecific, Instant effectiveAt) {
}
