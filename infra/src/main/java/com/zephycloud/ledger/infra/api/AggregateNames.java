package com.zephycloud.ledger.infra.api;

/** Turns an aggregate identifier ("user:7") into words for an error message. */
final class AggregateNames {

    private AggregateNames() {
    }

    static String describeMissing(String aggregateIdentifier) {
        int colon = aggregateIdentifier.indexOf(':');
        if (colon < 0) {
            return "no such item: " + aggregateIdentifier;
        }
        String kind = aggregateIdentifier.substring(0, colon);
        String id = aggregateIdentifier.substring(colon + 1);
        return "no " + kind + " with " + kind + "_id " + id;
    }
}
