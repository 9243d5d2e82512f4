package com.zephycloud.ledger.command.computations;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.command.ledger.SpendLimitPolicy;
import com.zephycloud.ledger.command.ledger.TransactionIdGenerator;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.JobId;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import com.zephycloud.ledger.kernel.events.computations.ComputationCanceled;
import com.zephycloud.ledger.kernel.events.computations.ComputationFinished;
import com.zephycloud.ledger.kernel.events.computations.ComputationKilled;
import com.zephycloud.ledger.kernel.events.computations.ComputationLaunching;
import com.zephycloud.ledger.kernel.events.computations.ComputationLogsAppended;
import com.zephycloud.ledger.kernel.events.computations.ComputationPaused;
import com.zephycloud.ledger.kernel.events.computations.ComputationProgressed;
import com.zephycloud.ledger.kernel.events.computations.ComputationResumed;
import com.zephycloud.ledger.kernel.events.computations.ComputationShutdownDisabled;
import com.zephycloud.ledger.kernel.events.computations.ComputationSliceCharged;
import com.zephycloud.ledger.kernel.events.computations.ComputationStarted;
import com.zephycloud.ledger.kernel.events.computations.ComputationSubmitted;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;

import java.math.BigDecimal;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * One computation (a job): its status, and the slices of computing time charged so far. The
 * terms it was accepted on (rank, prices, granularities) never change after submission.
 * Charging a slice and recording it happen in one unit of work, and a slice is charged only when
 * it is the next one: a repeated or concurrent charge of the same slice changes nothing (a
 * concurrent one fails on the event store's sequence constraint).
 * <p>
 * A pause stops the slices' clock ({@link Pauses}): the seconds of the slice in progress that were
 * paid but not run at the pause run after the resume, and the next slice begins after them.
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY,
        getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
public class Computation {

    @AggregateIdentifier
    private JobId jobId;
    private UserId userId;
    private String projectUid;
    private ComputationStatus status;
    private Instant submittedAt;
    private SlicePlan plan;
    private String costCurrency;
    private Instant startTime;
    private long nextSlice;
    private boolean shutdownDisabled;
    /** Initialized here for the snapshots taken before pauses existed, which have no value for it. */
    private Pauses pauses = Pauses.NONE;

    protected Computation() {
    }

    @CommandHandler
    public Computation(SubmitComputation command, CreditAccounts accounts, TransactionIdGenerator transactionIds) {
        MachineOffer offer = command.offer();
        if (command.projectUid() == null || command.projectUid().isBlank()) {
            throw new IllegalArgumentException("project_uid is empty: name the project the computation belongs to");
        }
        OfferRules.check(offer, command.nbrMachines());
        AccountStanding standing = accounts.standing(command.userId());
        if (standing.deleted()) {
            throw new IllegalStateException("user " + command.userId().value() + " is deleted: restore it first");
        }
        SlicePlan slices = offer.slicePlan(standing.rank(), command.nbrMachines());
        SubmissionCreditPolicy.check(standing.balance(), offer.fixedPrice(), slices.amount(0));
        SpendLimitPolicy.check(standing.monthlySpendLimit(), standing.spentThisMonth(),
                offer.fixedPrice().plus(slices.amount(0)), command.at());
        TransactionId fixedPriceTransaction = offer.fixedPrice().isPositive() ? transactionIds.next() : null;
        apply(new ComputationSubmitted(command.jobId(), command.userId(), command.projectUid(), standing.rank(),
                offer.toolchainId(), offer.toolchainName(), offer.provider(), offer.machine(),
                command.nbrMachines(), offer.cores(), offer.fixedPrice(), fixedPriceTransaction,
                slices.pricePerHour(), offer.priceSecGranularity(), offer.priceMinSecGranularity(),
                offer.costPerHour(), offer.costCurrency(), offer.costSecGranularity(),
                offer.costMinSecGranularity(), command.at()));
        if (fixedPriceTransaction != null) {
            accounts.consume(new ConsumeCredit(command.userId(), fixedPriceTransaction, offer.fixedPrice(),
                    "fixed price of toolchain " + offer.toolchainName() + " (job " + command.jobId().value() + ")",
                    null, ChargeCategory.FIXED_PRICE,
                    new ChargeContext(command.projectUid(), command.jobId().value(), null, null, null, null, null)));
        }
    }

    @CommandHandler
    public void handle(LaunchComputation command) {
        StatusTransitions.check(jobId, status, "launch", StatusTransitions.TO_LAUNCHING);
        apply(new ComputationLaunching(jobId, command.at()));
    }

    @CommandHandler
    public void handle(StartComputation command) {
        if (command.startTime().isAfter(command.at())) {
            throw new IllegalArgumentException("start_time " + command.startTime().getEpochSecond()
                    + " is in the future; a computation is started once it runs");
        }
        if (command.startTime().isBefore(submittedAt)) {
            throw new IllegalArgumentException("start_time " + command.startTime().getEpochSecond()
                    + " is before the submission of job " + jobId.value() + " (" + submittedAt.getEpochSecond() + ")");
        }
        StatusTransitions.check(jobId, status, "start", StatusTransitions.TO_RUNNING);
        apply(new ComputationStarted(jobId, command.startTime()));
    }

    @CommandHandler
    public void handle(ReportProgress command) {
        BigDecimal progress = command.progress();
        if (progress == null || progress.signum() < 0 || progress.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("progress must be between 0 and 1, got " + progress);
        }
        StatusTransitions.check(jobId, status, "report progress of", StatusTransitions.PROGRESS);
        apply(new ComputationProgressed(jobId, progress));
    }

    @CommandHandler
    public void handle(AppendLogs command) {
        if (command.lines() == null || command.lines().isEmpty()) {
            throw new IllegalArgumentException("logs are empty: send at least one character");
        }
        StatusTransitions.check(jobId, status, "append logs to", StatusTransitions.LOGS);
        apply(new ComputationLogsAppended(jobId, command.lines()));
    }

    @CommandHandler
    public void handle(FinishComputation command) {
        StatusTransitions.check(jobId, status, "finish", StatusTransitions.TO_FINISHED);
        apply(new ComputationFinished(jobId, command.at()));
    }

    @CommandHandler
    public void handle(CancelComputation command) {
        StatusTransitions.check(jobId, status, "cancel", StatusTransitions.TO_CANCELED);
        apply(new ComputationCanceled(jobId, command.reason(), command.at()));
    }

    @CommandHandler
    public void handle(KillComputation command) {
        StatusTransitions.check(jobId, status, "kill", StatusTransitions.TO_KILLED);
        apply(new ComputationKilled(jobId, command.reason(), false, command.at()));
    }

    /**
     * Slices that began before the pause ran, so they are charged now if billing has not charged
     * them yet (after a restart, say): the pause never leaves a begun slice unpaid. If one cannot
     * be paid the computation is killed at its start, as billing would have, and is not paused.
     */
    @CommandHandler
    public ComputationStatus handle(PauseComputation command, CreditAccounts accounts,
                                    TransactionIdGenerator transactionIds) {
        StatusTransitions.check(jobId, status, "pause", StatusTransitions.TO_PAUSED);
        Instant at = command.at();
        while (plan.start(pauses.origin(startTime), nextSlice).isBefore(at)) {
            if (handle(new ChargeSlice(jobId, nextSlice, at), accounts, transactionIds) == SliceOutcome.KILLED) {
                return status;
            }
        }
        apply(new ComputationPaused(jobId, command.reason(), at, (int) nextSlice));
        return ComputationStatus.PAUSED;
    }

    /** Answers when the next slice begins: the slices not begun yet move by the time paused. */
    @CommandHandler
    public Instant handle(ResumeComputation command) {
        StatusTransitions.check(jobId, status, "resume", StatusTransitions.TO_RESUMED);
        Instant at = pauses.resumeTime(command.at());
        Instant nextSliceStart = plan.start(pauses.originAfterResume(startTime, at), nextSlice);
        apply(new ComputationResumed(jobId, pauses.pausedAt(), at, (int) nextSlice, nextSliceStart));
        return nextSliceStart;
    }

    @CommandHandler
    public void handle(DisableShutdown command) {
        StatusTransitions.check(jobId, status, "disable the shutdown of", StatusTransitions.SHUTDOWN);
        if (!shutdownDisabled) {
            apply(new ComputationShutdownDisabled(jobId));
        }
    }

    @CommandHandler
    public SliceOutcome handle(ChargeSlice command, CreditAccounts accounts, TransactionIdGenerator transactionIds) {
        if (status == ComputationStatus.PAUSED) {
            return SliceOutcome.PAUSED;
        }
        if (status != ComputationStatus.RUNNING) {
            return SliceOutcome.NOT_RUNNING;
        }
        long n = command.sliceNumber();
        if (n < nextSlice) {
            return SliceOutcome.ALREADY_CHARGED;
        }
        if (n > nextSlice) {
            throw new IllegalArgumentException("slice " + n + " of job " + jobId.value() + " cannot be charged before slice "
                    + nextSlice);
        }
        Instant sliceStart = plan.start(pauses.origin(startTime), n);
        if (sliceStart.isAfter(command.at())) {
            return SliceOutcome.NOT_DUE;
        }
        Zephycoins amount = plan.amount(n);
        AccountStanding standing = accounts.standing(userId);
        String why = standing.deleted() ? "user " + userId.value() + " is deleted"
                : standing.balance().isLessThan(amount)
                ? "the balance is " + standing.balance() + " zephycoins, the slice costs " + amount
                : SpendLimitPolicy.refusal(standing.monthlySpendLimit(), standing.spentThisMonth(), amount, command.at());
        if (why != null) {
            apply(new ComputationKilled(jobId, "unpaid: slice " + n + " could not be charged, " + why, true, sliceStart));
            return SliceOutcome.KILLED;
        }
        Instant sliceEnd = plan.end(pauses.origin(startTime), n);
        TransactionId transactionId = transactionIds.next();
        ChargeContext context = new ChargeContext(projectUid, jobId.value(), sliceStart, sliceEnd,
                plan.coresPerSec(n), null, null);
        accounts.consume(new ConsumeCredit(userId, transactionId, amount,
                "computing power consumption (job " + jobId.value() + ", slice " + n + ")", null,
                ChargeCategory.COMPUTATION, context));
        apply(new ComputationSliceCharged(jobId, userId, projectUid, (int) n, transactionId, sliceStart, sliceEnd,
                plan.nbrMachines(), amount, plan.coresPerSec(n), plan.costPerHour(), costCurrency,
                plan.costSeconds(), plan.costMinSeconds(), plan.providerCost(n)));
        return SliceOutcome.CHARGED;
    }

    @EventSourcingHandler
    void on(ComputationSubmitted event) {
        jobId = event.jobId();
        userId = event.userId();
        projectUid = event.projectUid();
        status = ComputationStatus.PENDING;
        submittedAt = event.submittedAt();
        plan = new SlicePlan(event.pricePerHour(), event.priceMinSecGranularity(), event.priceSecGranularity(),
                event.nbrMachines(), event.coresPerMachine(), event.costPerHour(), event.costMinSecGranularity(),
                event.costSecGranularity());
        costCurrency = event.costCurrency();
        nextSlice = 0;
    }

    @EventSourcingHandler
    void on(ComputationLaunching event) {
        status = ComputationStatus.LAUNCHING;
    }

    @EventSourcingHandler
    void on(ComputationStarted event) {
        status = ComputationStatus.RUNNING;
        startTime = event.startTime();
    }

    @EventSourcingHandler
    void on(ComputationSliceCharged event) {
        nextSlice = event.sliceNumber() + 1L;
    }

    @EventSourcingHandler
    void on(ComputationPaused event) {
        status = ComputationStatus.PAUSED;
        pauses = pauses.pausedAt(event.at());
    }

    @EventSourcingHandler
    void on(ComputationResumed event) {
        status = ComputationStatus.RUNNING;
        pauses = pauses.resumedAt(event.at());
    }

    @EventSourcingHandler
    void on(ComputationFinished event) {
        status = ComputationStatus.FINISHED;
    }

    @EventSourcingHandler
    void on(ComputationCanceled event) {
        status = ComputationStatus.CANCELED;
    }

    @EventSourcingHandler
    void on(ComputationKilled event) {
        status = ComputationStatus.KILLED;
    }

    @EventSourcingHandler
    void on(ComputationShutdownDisabled event) {
        shutdownDisabled = true;
    }
}
