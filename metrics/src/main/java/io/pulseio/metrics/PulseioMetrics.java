package io.pulseio.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.SocketIoClient;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.trace.TraceListener;
import io.pulseio.metrics.internal.ClientMeters;
import io.pulseio.metrics.internal.RuntimeMeters;
import io.pulseio.metrics.internal.ServerMeters;
import io.pulseio.server.SocketIoServer;
import io.pulseio.server.Subscription;
import java.util.Objects;

/**
 * Binds pulseio's parts to a Micrometer {@link MeterRegistry}. Every meter is named {@code
 * pulseio.*} ({@code pulseio_*} in Prometheus); docs/operations.md lists them. Binding registers
 * every meter at once (at zero); binding the same name again in the same registry shares its
 * meters. All methods are thread-safe; none takes null.
 *
 * <pre>{@code
 * PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
 * PulseioMetrics.bind(server, registry, "main");
 * MetricsServer endpoint = MetricsServer.start(registry, MetricsServer.DEFAULT_HOST, 9464);
 * }</pre>
 */
public final class PulseioMetrics {
    private PulseioMetrics() {}

    /**
     * Measures a server (meters {@code pulseio.server.*}, label {@code server=name}) through {@link
     * SocketIoServer#observe}. Bind before the server starts: the connections gauge counts the
     * sessions opened after binding. Closing the subscription stops the counting (the meters stay,
     * frozen).
     */
    public static Subscription bind(SocketIoServer server, MeterRegistry registry, String name) {
        Objects.requireNonNull(server, "server");
        return server.observe(new ServerMeters(registry, Objects.requireNonNull(name, "name")));
    }

    /**
     * Measures the send buffers of the client made from {@code options} (gauge {@code
     * pulseio.client.send.buffer}, label {@code client=name}): sets its {@link
     * ClientOptions.Builder#sendBufferListener}, replacing one set before. Reconnections are
     * measured by {@link #bind(SocketIoClient, MeterRegistry, String)} on the client made.
     *
     * @return {@code options}
     */
    public static ClientOptions.Builder bind(ClientOptions.Builder options, MeterRegistry registry, String name) {
        Objects.requireNonNull(options, "options");
        return options.sendBufferListener(new ClientMeters(registry, Objects.requireNonNull(name, "name")));
    }

    /**
     * Measures a client's reconnections (counters {@code pulseio.client.reconnect.attempts} and
     * {@code pulseio.client.reconnects}, label {@code client=name}) through {@link
     * SocketIoClient#addListener}. Closing the subscription stops it.
     */
    public static io.pulseio.client.Subscription bind(SocketIoClient client, MeterRegistry registry, String name) {
        Objects.requireNonNull(client, "client");
        return client.addListener(new ClientMeters(registry, Objects.requireNonNull(name, "name")));
    }

    /**
     * A trace listener that counts a run's node executions (by node type) and errors (by source):
     * give it to {@code RunOptions.Builder.trace} (with {@link TraceListener#both} to keep another).
     * A run with a trace listener builds its trace records, which a run without one skips.
     */
    public static TraceListener runtime(MeterRegistry registry) {
        return new RuntimeMeters(Objects.requireNonNull(registry, "registry"));
    }

    /**
     * Measures a run's event queue (gauge {@code pulseio.logic.queue}, label {@code project}). The
     * gauge holds the run weakly: it reads NaN once the run is gone. One run per project name and
     * registry: a second one with the same name is ignored.
     */
    public static void bind(ProjectRun run, MeterRegistry registry) {
        Objects.requireNonNull(run, "run");
        Gauge.builder("pulseio.logic.queue", run, ProjectRun::queueLength)
                .description("events waiting in the run's queue")
                .tag("project", run.projectName())
                .register(registry);
    }
}
