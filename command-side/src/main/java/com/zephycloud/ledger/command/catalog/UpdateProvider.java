package com.zephycloud.ledger.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/** Changes a provider's description; null fields keep their value. */
public record UpdateProvider(String provider, String location, String type, Map<String, String> providerSpecific,
                             Instant requestedAt) {

    @TargetAggregateIdentifier
    public String providerId() {
        return Provider.id(provider);
    }
}
