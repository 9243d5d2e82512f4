package com.zephycloud.ledger.infra.http;

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
        // a project is named by its uid, every other aggregate by an integer id
        String idName = kind.equals("project") ? "project_uid" : kind + "_id";
        return "no " + kind + " with " + idName + " " + id;
    }
}
