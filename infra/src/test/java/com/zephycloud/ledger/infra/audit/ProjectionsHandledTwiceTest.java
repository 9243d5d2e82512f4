package com.zephycloud.ledger.infra.audit;

import com.zephycloud.ledger.infra.messaging.ProcessingGroups;
import com.zephycloud.ledger.infra.messaging.ProcessorPositions;
import com.zephycloud.ledger.infra.messaging.StreamingProcessors;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.infra.support.ProcessorTokens;
import com.zephycloud.ledger.infra.support.ReadModelChecksum;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every read model handles the same events a second time and ends with the same tables, without
 * an error: what happens when a segment's claim moves to another instance before its last batch
 * was stored, here made by moving every segment's token back to before a history and starting
 * the processors again. The history has a run of 40 consumptions of one user, which a reprocessed
 * batch sends as one COPY on PostgreSQL (zephy.projections.copy-min-rows): the copy meets rows
 * already there and goes as inserts that skip them.
 */
class ProjectionsHandledTwiceTest extends ApiTest {

    @Autowired
    private EventProcessingConfiguration processing;
    @Autowired
    private TokenStore tokens;
    @Autowired
    private TransactionManager transactions;
    @Autowired
    private JdbcTemplate jdbc;
    @Autowired
    private DataSource dataSource;

    @Test
    void everyReadModelHandlingItsEventsTwiceEndsWithTheSameTablesAndNoError() throws Exception {
        long before = ProcessorPositions.head(jdbc);
        writeHistory();
        long head = ProcessorPositions.head(jdbc);
        awaitCaughtUp(head);
        Map<String, String> tables = ReadModelChecksum.of(dataSource);

        List<StreamingEventProcessor> readModels = readModels();
        StreamingProcessors.stopTogether(readModels);
        for (StreamingEventProcessor processor : readModels) {
            moveBack(processor.getName(), before);
        }
        readModels.forEach(StreamingEventProcessor::start);
        awaitCaughtUp(head);

        assertThat(ReadModelChecksum.of(dataSource)).isEqualTo(tables);
        for (StreamingEventProcessor processor : readModels) {
            assertThat(processor.isError()).as(processor.getName() + " in error").isFalse();
            assertThat(processor.processingStatus().values()).as(processor.getName())
                    .noneMatch(EventTrackerStatus::isErrorState);
        }
    }

    /** Users, credits, a run of consumptions, a cancellation, a catalog with changes, a job and a project. */
    private void writeHistory() {
        long userId = newUser(unique("twice"), "1000");
        admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "10", "reason", "top up")).ok();
        for (int i = 0; i < 40; i++) {
            admin().post("/admin/user/consume/", params("user_id", userId, "amount", "0.25", "description", "run")).ok();
        }
        long charge = admin().get("/admin/transactions/list/", params("user_id", userId, "order", "id DESC",
                "limit", 1)).ok().get(0).get("id").asLong();
        admin().post("/admin/transactions/cancel/", params("transaction_ids", List.of(charge), "reason", "mistake")).ok();
        admin().post("/admin/user/change_rank/", params("user_id", userId, "rank", "silver")).ok();

        String provider = unique("twice").toLowerCase();
        admin().post("/admin/providers/create/", params("provider_name", provider, "location", "eu", "type", "aws")).ok();
        admin().post("/admin/providers/update/", params("provider_name", provider, "location", "us")).ok();
        admin().post("/admin/machines/create/", params("provider_name", provider, "machine_name", "m", "cores", 8,
                "ram", 1024, "availability", 1, "price_sec_granularity", 300, "price_min_sec_granularity", 600,
                "cost_per_hour", 0.1, "cost_currency", "dollar", "cost_sec_granularity", 1,
                "cost_min_sec_granularity", 60, "prices", Map.of("root", 1, "gold", 2, "silver", 3, "bronze", 4))).ok();
        admin().post("/admin/machines/update/", params("provider_name", provider, "machine_name", "m", "cores", 16)).ok();
        String toolchain = unique("tc");
        admin().post("/admin/toolchains/create/", params("toolchain_name", toolchain, "fixed_price", 0.5,
                "machine_limit", 2, "machines", Map.of(provider, List.of("m")))).ok();
        admin().post("/admin/currencies/set/", params("currency", "dollar", "rate_to_euro", 0.9)).ok();

        long jobId = service().post("/service/computations/submit/", params("user_id", userId, "project_uid",
                "twice-project", "toolchain_name", toolchain, "provider_name", provider, "machine_name", "m",
                "nbr_machines", 1)).ok().get("job_id").asLong();
        service().post("/service/computations/start/", params("job_id", jobId)).ok();
        service().post("/service/computations/logs/", params("job_id", jobId, "lines", "step 1\n")).ok();
        service().post("/service/computations/finish/", params("job_id", jobId)).ok();

        String uid = service().post("/service/projects/create/", params("user_id", userId)).ok().asText();
        long meshId = service().post("/service/meshes/create/", params("project_uid", uid, "name", "M")).ok().asLong();
        service().post("/service/projects/attach_file/", params("project_uid", uid, "name", "raw.zip", "size", 10,
                "storage_key", unique("raw"), "role", "raw")).ok();
        service().post("/service/projects/status/", params("project_uid", uid, "status", "analysed")).ok();
        service().post("/service/meshes/delete/", params("project_uid", uid, "mesh_id", meshId)).ok();
    }

    private List<StreamingEventProcessor> readModels() {
        return ProcessingGroups.READ_MODELS.stream()
                .map(name -> (StreamingEventProcessor) processing.eventProcessor(name).orElseThrow()).toList();
    }

    /** Every segment of {@code processor} stored as having handled the events up to {@code position} only. */
    private void moveBack(String processor, long position) {
        ProcessorTokens.storeForEverySegment(tokens, transactions, processor,
                GapAwareTrackingToken.newInstance(position, Set.of()));
    }

    private void awaitCaughtUp(long head) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000;
        for (StreamingEventProcessor processor : readModels()) {
            ProcessorTokens.awaitCaughtUp(processor, head, deadline);
        }
    }
}
