package com.zephycloud.ledger.infra.messaging;

import org.axonframework.config.Configuration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.config.EventProcessingModule;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.messaging.StreamableMessageSource;
import org.axonframework.messaging.SubscribableMessageSource;

/**
 * Axon's event processing module, whose processors, pooled (the projections, the outbound ones)
 * and subscribing (the command side's registers), get their handlers as a
 * {@link TypeFilteringInvoker}; everything else is Axon's. Declared as the application's module,
 * in place of the one Axon's Spring Boot starter declares when there is none.
 */
public class TypeFilteringProcessingModule extends EventProcessingModule {

    @Override
    protected EventProcessor pooledStreamingEventProcessor(
            String name, EventHandlerInvoker handlers, Configuration config,
            StreamableMessageSource<TrackedEventMessage<?>> source,
            EventProcessingConfigurer.PooledStreamingProcessorConfiguration processorConfiguration) {
        return super.pooledStreamingEventProcessor(name, new TypeFilteringInvoker(handlers), config, source,
                processorConfiguration);
    }

    @Override
    protected EventProcessor subscribingEventProcessor(String name, EventHandlerInvoker handlers,
                                                       SubscribableMessageSource<? extends EventMessage<?>> source) {
        return super.subscribingEventProcessor(name, new TypeFilteringInvoker(handlers), source);
    }
}
