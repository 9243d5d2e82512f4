package com.zephycloud.ledger.infra.messaging;

import com.zephycloud.ledger.infra.support.ApiTest;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.SubscribingEventProcessor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The application's processors against their one declaration ({@link ProcessingGroups}): each
 * streaming processor is a read model or outbound, and the subscribing ones (the command side's
 * registers) neither, so that a new projection nobody declared fails here instead of being
 * silently left out of read-your-writes, rebuilds, readiness and the lag gauges.
 */
class ProcessingGroupsTest extends ApiTest {

    @Autowired
    private EventProcessingConfiguration processing;

    @Test
    void everyRegisteredProcessingGroupIsDeclaredAReadModelOrOutboundOrIsARegister() {
        Map<String, EventProcessor> processors = processing.eventProcessors();
        assertThat(processors).isNotEmpty();
        processors.forEach((name, processor) -> {
            if (processor instanceof SubscribingEventProcessor) {
                assertThat(ProcessingGroups.isReadModel(name) || ProcessingGroups.isOutbound(name))
                        .as("%s runs in the command's transaction (a register): declared neither read model nor outbound",
                                name).isFalse();
            } else {
                assertThat(processor).as(name).isInstanceOf(StreamingEventProcessor.class);
                assertThat(ProcessingGroups.isReadModel(name) ^ ProcessingGroups.isOutbound(name))
                        .as("%s is declared in ProcessingGroups as exactly one of READ_MODELS and OUTBOUND", name)
                        .isTrue();
            }
        });
    }

    @Test
    void everyDeclaredReadModelIsAStreamingProcessorOfTheApplication() {
        for (String name : ProcessingGroups.READ_MODELS) {
            assertThat(processing.eventProcessor(name)).as(name).get().isInstanceOf(StreamingEventProcessor.class);
        }
    }

    @Test
    void everyProcessorFiltersItsEventsByTypeFirst() {
        processing.eventProcessors().forEach((name, processor) -> assertThat(processor).as(name)
                .isInstanceOfSatisfying(AbstractEventProcessor.class, abstractProcessor -> assertThat(
                        abstractProcessor.eventHandlerInvoker()).as(name).isInstanceOf(TypeFilteringInvoker.class)));
    }
}
