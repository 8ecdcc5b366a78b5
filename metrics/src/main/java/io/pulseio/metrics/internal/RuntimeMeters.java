package io.pulseio.metrics.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulseio.logic.trace.TraceEvent;
import io.pulseio.logic.trace.TraceListener;
import java.util.HashMap;
import java.util.Map;

/**
 * A run's node executions and errors, counted from its trace records. Called on the run's logic
 * thread only (as every {@link TraceListener}), so its caches need no lock; the counters are read
 * by the scrape thread, which Micrometer's counters allow.
 */
public final class RuntimeMeters implements TraceListener {
    private final MeterRegistry registry;
    private final Map<String, Counter> executions = new HashMap<>();
    private final Map<String, Counter> errors = new HashMap<>();

    public RuntimeMeters(MeterRegistry registry) {
        this.registry = registry;
        for (String source : new String[] {"node", "loop", "plugin", "runtime"}) {
            errors.put(source, errorCounter(source));
        }
    }

    @Override
    public void onEvent(TraceEvent event) {
        if (event instanceof TraceEvent.NodeExecuted n) {
            executions
                    .computeIfAbsent(
                            n.nodeType(),
                            type -> Counter.builder("pulseio.logic.node.executions")
                                    .description("node executions, by node type")
                                    .tag("node_type", type)
                                    .register(registry))
                    .increment();
        } else if (event instanceof TraceEvent.Error e) {
            errors.computeIfAbsent(e.source(), this::errorCounter).increment();
        }
    }

    private Counter errorCounter(String source) {
        return Counter.builder("pulseio.logic.errors")
                .description("errors of the run, by source")
                .tag("source", source)
                .register(registry);
    }
}
