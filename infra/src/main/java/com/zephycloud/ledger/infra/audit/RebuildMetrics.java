package com.zephycloud.ledger.infra.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/** The gauges of a projection rebuild on this instance (README, "Operating it"), read at each scrape. */
@Component
public class RebuildMetrics {

    public RebuildMetrics(MeterRegistry registry, ProjectionRebuild rebuild) {
        Gauge.builder("zephy.rebuild.running", rebuild, r -> "running".equals(r.status().state()) ? 1 : 0)
                .description("1 while a projection rebuild runs on this instance").register(registry);
        Gauge.builder("zephy.rebuild.events.done", rebuild, r -> r.status().eventsDone())
                .description("events replayed by the current or last rebuild").register(registry);
        Gauge.builder("zephy.rebuild.events.total", rebuild, r -> r.status().eventsTotal())
                .description("events the current or last rebuild replays").register(registry);
    }
}
