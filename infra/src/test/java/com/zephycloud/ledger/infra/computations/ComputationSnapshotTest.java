package com.zephycloud.ledger.infra.computations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zephycloud.ledger.command.computations.Computation;
import com.zephycloud.ledger.command.computations.Pauses;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.lang.reflect.Constructor;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A computation's snapshot is its fields as JSON, written by Axon's serializer with Spring's
 * Jackson mapper (built here as Spring builds it). Snapshots taken before pauses existed have no
 * {@code pauses}: such a job reads as never paused. A paused job's snapshot keeps the time paused
 * and the instant of the pause. (Snapshots taken by the running application, with pauses, are
 * read back by {@link PauseBillingScenarioTest}.)
 */
class ComputationSnapshotTest {

    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json().build();

    private static ObjectNode emptySnapshot() throws Exception {
        Constructor<Computation> constructor = Computation.class.getDeclaredConstructor();
        constructor.setAccessible(true);
        return (ObjectNode) JSON.valueToTree(constructor.newInstance());
    }

    private static Pauses pausesOf(ObjectNode snapshot) throws Exception {
        JsonNode read = JSON.valueToTree(JSON.treeToValue(snapshot, Computation.class));
        return JSON.treeToValue(read.get("pauses"), Pauses.class);
    }

    @Test
    void aSnapshotTakenBeforePausesExistedReadsAsNeverPaused() throws Exception {
        ObjectNode old = emptySnapshot();
        assertThat(old.has("pauses")).isTrue();
        old.remove("pauses");

        assertThat(pausesOf(old)).isEqualTo(Pauses.NONE);
    }

    @Test
    void aPausedJobsSnapshotKeepsItsPauses() throws Exception {
        Pauses pauses = new Pauses(Duration.ofMillis(1_500_250), Instant.parse("2026-11-23T10:09:20Z"));
        ObjectNode paused = emptySnapshot();
        paused.set("pauses", JSON.valueToTree(pauses));

        assertThat(pausesOf(paused)).isEqualTo(pauses);
    }
}
