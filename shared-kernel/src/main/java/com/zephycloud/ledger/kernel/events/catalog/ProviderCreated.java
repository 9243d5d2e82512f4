package com.zephycloud.ledger.kernel.events.catalog;

import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.Map;

/** A cloud provider was added to the catalog. */
@Revision("1")
public record ProviderCreated(String provider, String location, String type, Map<String, String> providerSpecific, Instant effectiveAt) {
}
