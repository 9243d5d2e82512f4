package com.zephycloud.ledger.infra.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zephycloud.ledger.command.ledger.AddCredit;
import com.zephycloud.ledger.infra.ledger.SequenceIdAllocator;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.lock.DeadlockException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import static com.zephycloud.ledger.infra.support.ApiClient.params;
import static com.zephycloud.ledger.infra.support.ApiResult.decimal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Commands rolled back for a reason of timing, not of content, are sent again, and applied once. */
class CommandsRetryTest extends ApiTest {

    @Autowired
    CommandBus commandBus;
    @Autowired
    GroupCommit groupCommit;
    @Autowired
    RequestLog requestLog;
    @Autowired
    ObjectMapper json;
    @Autowired
    SequenceIdAllocator ids;

    /** The application's command bus, behind a gateway that first throws the given failures. */
    private static final class FailingFirst extends DefaultCommandGateway {
        final Deque<RuntimeException> failures;
        int calls;

        FailingFirst(CommandBus bus, List<RuntimeException> failures) {
            super(DefaultCommandGateway.builder().commandBus(bus));
            this.failures = new ArrayDeque<>(failures);
        }

        @Override
        public <R> R sendAndWait(Object command) {
            calls++;
            if (!failures.isEmpty()) {
                throw failures.pop();
            }
            return super.sendAndWait(command);
        }
    }

    private BigDecimal credit(long userId) {
        return decimal(admin().post("/admin/user/show/", params("user_id", userId)).ok().get("credit"));
    }

    @Test
    void aDeadlockVictimOrAConcurrentChangeIsSentAgainAndAppliedOnce() {
        long userId = newUser(unique("retried"), "10");
        FailingFirst gateway = new FailingFirst(commandBus, List.of(new DeadlockException("lock cycle"),
                new ConcurrencyException("changed meanwhile")));
        Commands commands = new Commands(gateway, groupCommit, requestLog, json);

        Zephycoins balance = commands.once(null, () -> "unused", Zephycoins.class,
                new AddCredit(UserId.of(userId), ids.next(), Zephycoins.of(new BigDecimal("2.5")), "retried"));

        assertThat(balance.value()).isEqualByComparingTo("12.5");
        assertThat(gateway.calls).isEqualTo(3);
        assertThat(credit(userId)).isEqualByComparingTo("12.5");
    }

    @Test
    void aCommandConflictingOnEveryTryIsRefusedAsUnavailableAndStoresNothing() {
        long userId = newUser(unique("conflicted"), "10");
        List<RuntimeException> conflicts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            conflicts.add(new ConcurrencyException("changed meanwhile, try " + i));
        }
        FailingFirst gateway = new FailingFirst(commandBus, conflicts);
        Commands commands = new Commands(gateway, groupCommit, requestLog, json);

        assertThatThrownBy(() -> commands.once(null, () -> "unused", Zephycoins.class,
                new AddCredit(UserId.of(userId), ids.next(), Zephycoins.of(BigDecimal.ONE), "conflicted")))
                .isInstanceOf(ConcurrentChanges.class).hasMessageContaining("nothing of this request was stored");
        assertThat(gateway.calls).isEqualTo(5);
        assertThat(credit(userId)).isEqualByComparingTo("10");
    }

    @Test
    void otherFailuresAreNotRetried() {
        long userId = newUser(unique("notretried"), "10");
        FailingFirst gateway = new FailingFirst(commandBus, List.of(new IllegalStateException("a rule refused it")));
        Commands commands = new Commands(gateway, groupCommit, requestLog, json);

        assertThatThrownBy(() -> commands.once(null, () -> "unused", Zephycoins.class,
                new AddCredit(UserId.of(userId), ids.next(), Zephycoins.of(BigDecimal.ONE), "refused")))
                .hasMessage("a rule refused it");
        assertThat(gateway.calls).isEqualTo(1);
        assertThat(credit(userId)).isEqualByComparingTo("10");
    }
}
