package com.zephycloud.ledger.infra.ledger;

import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.infra.eventstore.StoredAggregateVersions;
import com.zephycloud.ledger.infra.messaging.CommandTargets;
import com.zephycloud.ledger.infra.messaging.GroupCommit;
import com.zephycloud.ledger.infra.messaging.ShuttingDown;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.CannotCreateTransactionException;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Commands queued together commit together, and a failing one takes no other down with it. Each
 * test queues its commands on a group commit that is not started yet, so that they all wait in
 * its one lane, then starts it: the lane takes them as one batch.
 */
class GroupCommitTest extends ApiTest {

    @Autowired
    CommandGateway gateway;
    @Autowired
    TransactionManager transactions;
    @Autowired
    SequenceIdAllocator ids;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GroupCommit applicationGroupCommit;
    @Autowired
    StoredAggregateVersions storedVersions;

    private GroupCommit group;
    private ExecutorService clients;

    @BeforeEach
    void queueOnAStoppedGroup() {
        group = new GroupCommit(gateway, transactions, new CommandTargets(), storedVersions, 1, 64);
        clients = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stop() {
        group.stop();
        clients.shutdownNow();
    }

    private ConsumeCredit consume(long userId, TransactionId id, String amount) {
        return new ConsumeCredit(UserId.of(userId), id, Zephycoins.of(new BigDecimal(amount)), "grouped", null,
                ChargeCategory.MANUAL, ChargeContext.NONE);
    }

    /** Queues {@code commands} in order, runs them as one batch, and answers each one's result or failure. */
    private List<Object> runAsOneBatch(ConsumeCredit... commands) throws Exception {
        List<CompletableFuture<Object>> answers = new ArrayList<>();
        for (ConsumeCredit command : commands) {
            int queuedBefore = group.counts().queued();
            answers.add(CompletableFuture.supplyAsync(
                    () -> group.send(GenericCommandMessage.asCommandMessage(command)), clients));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (group.counts().queued() == queuedBefore) {
                assertThat(System.nanoTime()).as("command queued within 10 s").isLessThan(deadline);
                Thread.sleep(1);
            }
        }
        group.start();
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Object> answer : answers) {
            try {
                results.add(answer.get(20, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                results.add(e.getCause() instanceof CompletionException wrapped ? wrapped.getCause() : e.getCause());
            }
        }
        return results;
    }

    private BigDecimal credit(long userId) {
        return decimal(admin().post("/admin/user/show/", params("user_id", userId, "include_deleted", true)).ok()
                .get("credit"));
    }

    private int transactionCount(long userId) {
        return jdbc.queryForObject("SELECT count(*) FROM ledger_entry WHERE user_id = ?", Integer.class, userId);
    }

    @Test
    void refusedCommandsInABatchAreAnsweredAloneAndTheOthersCommitTogether() throws Exception {
        long rich = newUser(unique("grouprich"), "10");
        long poor = newUser(unique("grouppoor"), "1");
        long gone = newUser(unique("groupgone"), "5");
        admin().post("/admin/user/remove/", params("user_id", gone)).ok();

        List<Object> results = runAsOneBatch(
                consume(rich, ids.next(), "1"),
                consume(rich, ids.next(), "2"),
                consume(poor, ids.next(), "5"),
                consume(rich, ids.next(), "3"),
                consume(gone, ids.next(), "1"),
                consume(rich, ids.next(), "1"));

        assertThat(results.get(0)).isEqualTo(Zephycoins.of(new BigDecimal("9")));
        assertThat(results.get(1)).isEqualTo(Zephycoins.of(new BigDecimal("7")));
        assertThat((Throwable) results.get(2)).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("insufficient credit: the balance is 1");
        assertThat(results.get(3)).isEqualTo(Zephycoins.of(new BigDecimal("4")));
        assertThat((Throwable) results.get(4)).isInstanceOf(IllegalStateException.class)
                .hasMessage("user " + gone + " is deleted: restore it first");
        assertThat(results.get(5)).isEqualTo(Zephycoins.of(new BigDecimal("3")));
        // [0, 1] together, then [3] and [5] around the refused [4]: three commits for four consumptions
        assertThat(group.counts()).isEqualTo(new GroupCommit.Counts(3, 4, 0));

        assertThat(credit(rich)).isEqualByComparingTo("3");
        assertThat(credit(poor)).isEqualByComparingTo("1");
        assertThat(credit(gone)).isEqualByComparingTo("5");
        assertThat(transactionCount(rich)).isEqualTo(5);
        assertThat(transactionCount(poor)).isEqualTo(1);
        assertThat(transactionCount(gone)).isEqualTo(1);
    }

    @Test
    void aBatchThatCannotCommitIsCommittedInHalvesAndOnlyTheFaultyCommandFails() throws Exception {
        long userId = newUser(unique("grouphalves"), "10");
        TransactionId reused = ids.next();

        // the second consumption reuses the first one's transaction id: the ledger register refuses
        // it when the batch is about to commit, after every command ran
        List<Object> results = runAsOneBatch(
                consume(userId, reused, "1"),
                consume(userId, reused, "2"),
                consume(userId, ids.next(), "3"),
                consume(userId, ids.next(), "0.5"));

        assertThat(results.get(0)).isEqualTo(Zephycoins.of(new BigDecimal("9")));
        assertThat((Throwable) results.get(1)).isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(results.get(2)).isEqualTo(Zephycoins.of(new BigDecimal("6")));
        assertThat(results.get(3)).isEqualTo(Zephycoins.of(new BigDecimal("5.5")));
        // halves: [0, 1] fails again, so [0] alone and [1] alone (refused); [2, 3] together
        assertThat(group.counts()).isEqualTo(new GroupCommit.Counts(2, 3, 0));

        assertThat(credit(userId)).isEqualByComparingTo("5.5");
        assertThat(transactionCount(userId)).isEqualTo(4);
    }

    @Test
    void aBatchWhoseTransactionCannotBeginIsAnsweredWholeWithoutTryingItsParts() throws Exception {
        long userId = newUser(unique("groupdown"), "10");
        AtomicInteger begun = new AtomicInteger();
        TransactionManager databaseDown = () -> {
            begun.incrementAndGet();
            throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                    new java.sql.SQLTransientConnectionException("Connection is not available, request timed out"));
        };
        group = new GroupCommit(gateway, databaseDown, new CommandTargets(), storedVersions, 1, 64);

        List<Object> results = runAsOneBatch(
                consume(userId, ids.next(), "1"),
                consume(userId, ids.next(), "2"),
                consume(userId, ids.next(), "3"),
                consume(userId, ids.next(), "4"));

        assertThat(results).allSatisfy(result -> assertThat((Throwable) result)
                .isInstanceOf(CannotCreateTransactionException.class));
        // split in halves, the batch would have asked for 1 + 2 + 4 transactions, each waiting for the pool
        assertThat(begun).hasValue(1);
        assertThat(transactionCount(userId)).isEqualTo(1);
    }

    @Test
    void consumptionsAndCreditsThroughTheApiGoThroughTheGroupCommit() {
        long userId = newUser(unique("groupapi"), "10");
        GroupCommit.Counts before = applicationGroupCommit.counts();
        admin().post("/admin/user/consume/", params("user_id", userId, "amount", "2", "description", "api")).ok();
        assertThat(decimal(admin().post("/admin/user/credit/add/", params("user_id", userId, "nbr_coins", "1",
                "reason", "api")).ok())).isEqualByComparingTo("9");
        admin().post("/admin/user/consume/", params("user_id", userId, "amount", "100", "description", "api"))
                .refused(409);
        GroupCommit.Counts after = applicationGroupCommit.counts();

        // the refused consumption is not counted: it committed nothing
        assertThat(after.commands() - before.commands()).isEqualTo(2);
        assertThat(after.transactions() - before.transactions()).isEqualTo(2);
        assertThat(credit(userId)).isEqualByComparingTo("9");
    }

    @Test
    void aStoppedGroupCommitRefusesCommandsAndStoresNothing() {
        long userId = newUser(unique("groupstop"), "10");
        group.stop();
        assertThatThrownBy(() -> group.send(GenericCommandMessage.asCommandMessage(
                consume(userId, ids.next(), "1"))))
                .isInstanceOf(ShuttingDown.class).hasMessageContaining("shutting down");
        assertThat(transactionCount(userId)).isEqualTo(1);
    }
}
