package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.command.catalog.RepriceMachine;
import com.zephycloud.ledger.command.ledger.ConsumeCredit;
import com.zephycloud.ledger.infra.support.ApiTest;
import com.zephycloud.ledger.kernel.ChargeCategory;
import com.zephycloud.ledger.kernel.ChargeContext;
import com.zephycloud.ledger.kernel.TransactionId;
import com.zephycloud.ledger.kernel.UserId;
import com.zephycloud.ledger.kernel.Zephycoins;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.IdentifierMissingException;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.TargetAggregateVersion;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.math.BigDecimal;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CommandTargetsTest extends ApiTest {

    record Versioned(@TargetAggregateIdentifier String id, @TargetAggregateVersion long version) {
    }

    static class Inherited extends Base {
        Inherited(String id) {
            super(id);
        }
    }

    static class Base {
        @TargetAggregateIdentifier
        private final String id;

        Base(String id) {
            this.id = id;
        }
    }

    @Autowired
    org.axonframework.config.Configuration axon;

    private final CommandTargetResolver axons = AnnotationCommandTargetResolver.builder().build();
    private final CommandTargets targets = new CommandTargets();

    private static CommandMessage<?> message(Object payload) {
        return GenericCommandMessage.asCommandMessage(payload);
    }

    @Test
    void findsTheSameTargetsAsAxonsAnnotationResolver() {
        for (Object command : new Object[]{
                new ConsumeCredit(UserId.of(42), TransactionId.of(7), Zephycoins.of(BigDecimal.ONE), "d", null,
                        ChargeCategory.MANUAL, ChargeContext.NONE),
                new RepriceMachine("machine-9", Instant.EPOCH, null, "test"),
                new Versioned("v-1", 12),
                new Inherited("child-3")}) {
            assertThat(targets.resolveTarget(message(command))).as(command.getClass().getSimpleName())
                    .isEqualTo(axons.resolveTarget(message(command)));
        }
        assertThat(targets.resolveTarget(message(new Versioned("v-1", 12))).getVersion()).isEqualTo(12L);
        assertThat(targets.aggregateOf(message(new RepriceMachine("machine-9", Instant.EPOCH, null, "x"))))
                .isEqualTo("machine-9");
    }

    @Test
    void aCommandWithoutItsTargetIsRefusedAsAxonRefusesIt() {
        assertThatThrownBy(() -> targets.resolveTarget(message(new Inherited(null))))
                .isInstanceOf(IdentifierMissingException.class);
        assertThatThrownBy(() -> targets.resolveTarget(message("no annotation at all")))
                .isInstanceOf(IdentifierMissingException.class);
    }

    @Test
    void theAggregatesOfTheApplicationUseIt() {
        assertThat(axon.getComponent(CommandTargetResolver.class)).isInstanceOf(CommandTargets.class);
    }
}
