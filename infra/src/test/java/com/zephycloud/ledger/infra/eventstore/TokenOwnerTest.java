package com.zephycloud.ledger.infra.eventstore;

import com.zephycloud.ledger.infra.support.ApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The processors' claims name this application instance, not only its JVM: two instances in one
 * JVM (or two pid 1 on one host name) under the JVM's name each took the other's claims for
 * their own, and both projected the same events (duplicate keys in the read models).
 */
class TokenOwnerTest extends ApiTest {

    @Autowired
    private JdbcTemplate jdbc;

    @Test
    void claimsAreOwnedByThisInstanceUnderANameNoOtherInstanceHas() {
        List<String> owners = jdbc.queryForList("SELECT DISTINCT owner FROM token_entry WHERE owner IS NOT NULL",
                String.class);

        assertThat(owners).as("this instance claims its processors' segments").hasSize(1);
        assertThat(owners.get(0)).startsWith(ManagementFactory.getRuntimeMXBean().getName() + "/")
                .matches(".*/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    }
}
