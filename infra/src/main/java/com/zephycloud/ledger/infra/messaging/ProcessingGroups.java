package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.query.audit.LedgerChainProjection;
import com.zephycloud.ledger.query.catalog.MachineProjection;
import com.zephycloud.ledger.query.catalog.PricingProjection;
import com.zephycloud.ledger.query.catalog.ProviderProjection;
import com.zephycloud.ledger.query.catalog.ToolchainProjection;
import com.zephycloud.ledger.query.computations.ComputationLogProjection;
import com.zephycloud.ledger.query.computations.ComputationProjection;
import com.zephycloud.ledger.query.computations.ComputationStatusProjection;
import com.zephycloud.ledger.query.ledger.TransactionProjection;
import com.zephycloud.ledger.query.ledger.UserProjection;
import com.zephycloud.ledger.query.projects.ProjectProjection;
import com.zephycloud.ledger.query.reports.PeriodSumsProjection;
import com.zephycloud.ledger.query.reports.ReportDateProjection;
import com.zephycloud.ledger.query.reports.SliceCostProjection;

import java.util.Set;

/**
 * What each streaming processing group is, declared once: a <b>read model</b> (its tables answer
 * the queries: a query waits for it after a write, a rebuild resets and replays it, it counts for
 * readiness and has a lag gauge) or <b>outbound</b> (it acts on another system: queries never
 * wait for it, a rebuild never replays it, its failure does not take the instance out of
 * service). The command side's registers are the subscribing processors, in the command's own
 * transaction, and are neither. {@code ProcessingGroupsTest} fails when a processor is registered
 * that is declared nowhere here.
 */
public final class ProcessingGroups {

    /** Sends the published events to SQS/SNS (infra.events.broker). */
    public static final String EVENT_BROKER = "outbound-event-broker";
    /** Deletes a removed project's files from its storage (infra.projects.files). */
    public static final String PROJECT_FILE_CLEANUP = "project-file-cleanup";

    public static final Set<String> READ_MODELS = Set.of(
            UserProjection.PROCESSING_GROUP, TransactionProjection.PROCESSING_GROUP,
            LedgerChainProjection.PROCESSING_GROUP,
            ProviderProjection.PROCESSING_GROUP, MachineProjection.PROCESSING_GROUP,
            ToolchainProjection.PROCESSING_GROUP, PricingProjection.PROCESSING_GROUP,
            ComputationProjection.PROCESSING_GROUP, ComputationStatusProjection.PROCESSING_GROUP,
            ComputationLogProjection.PROCESSING_GROUP,
            ProjectProjection.PROCESSING_GROUP,
            PeriodSumsProjection.PROCESSING_GROUP, SliceCostProjection.PROCESSING_GROUP,
            ReportDateProjection.PROCESSING_GROUP);

    public static final Set<String> OUTBOUND = Set.of(EVENT_BROKER, PROJECT_FILE_CLEANUP);

    private ProcessingGroups() {
    }

    public static boolean isReadModel(String processingGroup) {
        return READ_MODELS.contains(processingGroup);
    }

    public static boolean isOutbound(String processingGroup) {
        return OUTBOUND.contains(processingGroup);
    }
}
