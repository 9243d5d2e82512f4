package com.zephycloud.ledger.query.catalog;

import java.util.Map;

/** A provider version; {@code providerSpecific} holds the fields of its kind (an AWS region…). */
public record ProviderView(String name, String location, String type, Map<String, String> providerSpecific) {
}
