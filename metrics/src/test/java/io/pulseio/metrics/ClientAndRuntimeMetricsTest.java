package io.pulseio.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.logic.LoadResult;
import io.pulseio.logic.ProjectLoader;
import io.pulseio.logic.ProjectRun;
import io.pulseio.logic.RunOptions;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A client's reconnections and send buffer, and a run's executions, errors and queue, scraped. */
class ClientAndRuntimeMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsServer endpoint = start();
    private final List<AutoCloseable> closing = new ArrayList<>();

    private MetricsServer start() {
        try {
            return MetricsServer.start(registry, "127.0.0.1", 0);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        endpoint.close();
    }

    @Test
    void reconnectionsAndTheSendBufferWhileDisconnected() throws Exception {
        SocketIoServer first =
                SocketIoServer.create(ServerOptions.builder().port(0).build());
        int port = first.start();
        ClientOptions.Builder options = ClientOptions.builder("http://127.0.0.1:" + port)
                .reconnectionDelay(Duration.ofMillis(100))
                .reconnectionDelayMax(Duration.ofMillis(200));
        SocketIoClient client = SocketIoClient.create(
                PulseioMetrics.bind(options, registry, "c").build());
        closing.add(client::close);
        PulseioMetrics.bind(client, registry, "c");
        io.pulseio.client.Socket socket = client.socket("/");
        CountDownLatch connected = new CountDownLatch(1);
        CountDownLatch disconnected = new CountDownLatch(1);
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                connected.countDown();
            }

            @Override
            public void onDisconnect(io.pulseio.client.DisconnectReason reason) {
                disconnected.countDown();
            }
        });
        socket.connect();
        assertThat(connected.await(10, TimeUnit.SECONDS)).isTrue();

        first.close();
        assertThat(disconnected.await(10, TimeUnit.SECONDS)).isTrue();
        socket.emit("one");
        socket.emit("two");
        Scrape s = Scrape.until(
                endpoint.port(),
                x -> x.value("pulseio_client_send_buffer", "client=\"c\"") == 2
                        && x.value("pulseio_client_reconnect_attempts_total") >= 1);
        assertThat(s.value("pulseio_client_send_buffer", "client=\"c\"")).isEqualTo(2);
        assertThat(s.value("pulseio_client_reconnect_attempts_total")).isGreaterThanOrEqualTo(1);
        assertThat(s.value("pulseio_client_reconnects_total")).isZero();

        SocketIoServer second =
                SocketIoServer.create(ServerOptions.builder().port(port).build());
        closing.add(second::close);
        List<String> got = new CopyOnWriteArrayList<>();
        second.namespace("/").onConnection(sock -> sock.onAny((event, args, ack) -> got.add(event)));
        second.start();
        s = Scrape.until(
                endpoint.port(),
                x -> x.value("pulseio_client_reconnects_total") == 1 && x.value("pulseio_client_send_buffer") == 0);
        assertThat(s.value("pulseio_client_reconnects_total", "client=\"c\"")).isEqualTo(1);
        assertThat(s.value("pulseio_client_send_buffer", "client=\"c\"")).isZero();
        for (int i = 0; i < 200 && got.size() < 2; i++) {
            Thread.sleep(50);
        }
        assertThat(got).containsExactly("one", "two");
    }

    @Test
    void nodeExecutionsErrorsAndTheQueue() throws Exception {
        String project = """
        {"format": 1, "name": "counted", "logic": {"project": {
          "nodes": [
            {"id": "go", "type": "core.onProjectStart"},
            {"id": "one", "type": "core.print", "inputs": {"message": "one"}},
            {"id": "two", "type": "core.print", "inputs": {"message": "two"}},
            {"id": "bad", "type": "core.jsonGet", "inputs": {"json": "[1]", "path": "[x]"}},
            {"id": "three", "type": "core.print"}
          ],
          "links": [
            {"from": "go.out", "to": "one.in"},
            {"from": "one.out", "to": "two.in"},
            {"from": "two.out", "to": "three.in"},
            {"from": "bad.value", "to": "three.message"}
          ]}}}
        """;
        LoadResult loaded = ProjectLoader.builder().build().load(project);
        assertThat(loaded.problems()).isEmpty();
        List<String> printed = new CopyOnWriteArrayList<>();
        ProjectRun run = loaded.project()
                .orElseThrow()
                .start(RunOptions.builder()
                        .trace(PulseioMetrics.runtime(registry))
                        .output(printed::add)
                        .build());
        closing.add(run);
        PulseioMetrics.bind(run, registry);
        assertThat(run.awaitIdle(Duration.ofSeconds(10))).isTrue();

        Scrape s = Scrape.until(endpoint.port(), x -> x.value("pulseio_logic_errors_total", "source=\"node\"") == 1);
        assertThat(printed).containsExactly("one", "two");
        assertThat(s.value("pulseio_logic_node_executions_total", "node_type=\"core.print\""))
                .isEqualTo(2);
        assertThat(s.value("pulseio_logic_node_executions_total", "node_type=\"core.onProjectStart\""))
                .isEqualTo(1);
        assertThat(s.value("pulseio_logic_errors_total", "source=\"node\"")).isEqualTo(1);
        assertThat(s.value("pulseio_logic_errors_total", "source=\"loop\"")).isZero();
        assertThat(s.value("pulseio_logic_queue", "project=\"counted\"")).isZero();
    }
}
