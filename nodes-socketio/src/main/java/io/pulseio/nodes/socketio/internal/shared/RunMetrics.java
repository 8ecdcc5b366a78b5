package io.pulseio.nodes.socketio.internal.shared;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.SocketIoClient;
import io.pulseio.metrics.PulseioMetrics;
import io.pulseio.server.SocketIoServer;

/**
 * The metrics of a run's connections and hosted servers. They go to Micrometer's process-wide registry
 * ({@link Metrics#globalRegistry}) once something has added a registry to it, as {@code pulseio run --metrics}
 * does; until then nothing is measured and nothing is paid. Connections are labelled {@code client=NAME},
 * servers {@code server=NAME}. Thread-safe.
 */
public final class RunMetrics {
    private RunMetrics() {}

    /** The registry to report to, or null when the process measures nothing. */
    public static MeterRegistry registry() {
        return Metrics.globalRegistry.getRegistries().isEmpty() ? null : Metrics.globalRegistry;
    }

    /** The client options, measured when the process measures. */
    public static ClientOptions client(ClientOptions options, String name) {
        MeterRegistry registry = registry();
        return registry == null
                ? options
                : PulseioMetrics.bind(options.toBuilder(), registry, name).build();
    }

    /** Measures the client's reconnections when the process measures. */
    public static void client(SocketIoClient client, String name) {
        MeterRegistry registry = registry();
        if (registry != null) {
            PulseioMetrics.bind(client, registry, name);
        }
    }

    /** Measures a hosted server when the process measures (before it starts). */
    public static void server(SocketIoServer server, String name) {
        MeterRegistry registry = registry();
        if (registry != null) {
            PulseioMetrics.bind(server, registry, name);
        }
    }
}
