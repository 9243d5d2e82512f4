package com.zephycloud.ledger.command.catalog;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;
import java.util.Map;

/** Adds a provider; {@code providerSpecific} holds the fields of its kind (e.g. an AWS region). */
public record CreateProvider(String provider, String location, String type, Map<String, String> providerSpecific,
                             Instant requestedAt) {

    @TargetAggregateIdentifier
    public String providerId() {
        return Provider.id(provider);
    }
}
