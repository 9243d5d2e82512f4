package com.zephycloud.ledger.infra.eventstore;

import java.lang.management.ManagementFactory;
import java.util.UUID;

/**
 * The name of this application instance among those sharing the database: the owner of its
 * processors' claims in the token store. Axon names the owner after the JVM ({@code pid@host}),
 * and two instances of that name (two in one JVM, or each pid 1 in containers sharing a host
 * name) each took the other's claims for their own: both processed the same segment.
 */
public record InstanceName(String value) {

    public static InstanceName unique() {
        return new InstanceName(ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID());
    }
}
