package io.pulseio.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real server and real clients, measured, and the measures read by scraping GET /metrics. */
class ServerMetricsTest {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final List<SocketIoClient> clients = new ArrayList<>();
    private SocketIoServer server;
    private MetricsServer endpoint;
    private int port;

    @BeforeEach
    void start() throws Exception {
        server = SocketIoServer.create(
                ServerOptions.builder().port(0).maxOutboundBufferSize(64 * 1024).build());
        PulseioMetrics.bind(server, registry, "test");
        port = server.start();
        endpoint = MetricsServer.start(registry, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        clients.forEach(SocketIoClient::close);
        server.close();
        endpoint.close();
    }

    private io.pulseio.client.Socket connect(String namespace) throws Exception {
        SocketIoClient client = SocketIoClient.create(ClientOptions.builder("http://127.0.0.1:" + port)
                .reconnection(false)
                .build());
        clients.add(client);
        io.pulseio.client.Socket socket = client.socket(namespace);
        CountDownLatch connected = new CountDownLatch(1);
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                connected.countDown();
            }
        });
        socket.connect();
        assertThat(connected.await(10, TimeUnit.SECONDS)).as("connected").isTrue();
        return socket;
    }

    @Test
    void connectionsHandshakesUpgradesAndDisconnects() throws Exception {
        for (int i = 0; i < 3; i++) {
            connect("/");
        }
        Scrape s = Scrape.until(endpoint.port(), x -> x.value("pulseio_server_upgrades_total", "server=\"test\"") == 3);
        assertThat(s.status).isEqualTo(200);
        assertThat(s.contentType).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        assertThat(s.value("pulseio_server_handshakes_total", "transport=\"polling\""))
                .isEqualTo(3);
        assertThat(s.value("pulseio_server_handshakes_total", "transport=\"websocket\""))
                .isZero();
        assertThat(s.value("pulseio_server_upgrades_total")).isEqualTo(3);
        assertThat(s.value("pulseio_server_connections", "server=\"test\"")).isEqualTo(3);
        assertThat(s.value("pulseio_server_packets_received_total")).isGreaterThanOrEqualTo(3);
        assertThat(s.value("pulseio_server_bytes_sent_total")).isPositive();

        clients.forEach(SocketIoClient::close);
        s = Scrape.until(endpoint.port(), x -> x.value("pulseio_server_connections") == 0);
        assertThat(s.value("pulseio_server_connections")).isZero();
        assertThat(s.value("pulseio_server_disconnects_total", "reason=\"transport close\"")
                        + s.value("pulseio_server_disconnects_total", "reason=\"client namespace disconnect\""))
                .isEqualTo(3);
        assertThat(s.value("pulseio_server_disconnects_total", "reason=\"ping timeout\""))
                .isZero();
    }

    @Test
    void acksSentReceivedAndTimedOut() throws Exception {
        CompletableFuture<ServerSocket> serverSide = new CompletableFuture<>();
        server.namespace("/").onConnection(socket -> {
            socket.on("ask", (args, ack) -> ack.send("answer"));
            serverSide.complete(socket);
        });
        io.pulseio.client.Socket socket = connect("/");
        socket.on("answered", (args, ack) -> ack.send("yes"));
        socket.on("ignored", (args, ack) -> {});
        List<JsonNode> reply = socket.emitWithAck(Duration.ofSeconds(5), "ask").get(10, TimeUnit.SECONDS);
        assertThat(reply.get(0).asText()).isEqualTo("answer");
        ServerSocket s = serverSide.get(10, TimeUnit.SECONDS);
        s.emitWithAck(Duration.ofSeconds(5), "answered").get(10, TimeUnit.SECONDS);
        CompletableFuture<List<JsonNode>> timedOut = s.emitWithAck(Duration.ofMillis(100), "ignored");
        assertThat(timedOut).failsWithin(Duration.ofSeconds(10));

        Scrape scrape = Scrape.until(endpoint.port(), x -> x.value("pulseio_server_ack_timeouts_total") == 1);
        assertThat(scrape.value("pulseio_server_acks_sent_total")).isEqualTo(1);
        assertThat(scrape.value("pulseio_server_acks_received_total")).isEqualTo(1);
        assertThat(scrape.value("pulseio_server_ack_timeouts_total")).isEqualTo(1);
    }

    @Test
    void rejectedInputsByKind() throws Exception {
        SocketIoClient client = SocketIoClient.create(ClientOptions.builder("http://127.0.0.1:" + port)
                .reconnection(false)
                .build());
        clients.add(client);
        CountDownLatch refused = new CountDownLatch(1);
        client.socket("/nowhere").addListener(new SocketListener() {
            @Override
            public void onConnectError(String message, JsonNode data) {
                refused.countDown();
            }
        });
        client.socket("/nowhere").connect();
        assertThat(refused.await(10, TimeUnit.SECONDS)).isTrue();

        // a malformed packet over HTTP long-polling: "4" then a CONNECT with broken JSON
        String sid = pollingHandshake();
        Scrape post = Scrape.request("POST", pollingUrl(sid), "40{\"broken");
        assertThat(post.status).isEqualTo(200);

        Scrape s = Scrape.until(
                endpoint.port(), x -> x.value("pulseio_server_rejected_total", "kind=\"malformed_packet\"") == 1);
        assertThat(s.value("pulseio_server_rejected_total", "kind=\"malformed_packet\""))
                .isEqualTo(1);
        assertThat(s.value("pulseio_server_rejected_total", "kind=\"invalid_namespace\""))
                .isEqualTo(1);
        assertThat(s.value("pulseio_server_rejected_total", "kind=\"duplicate_connect\""))
                .isZero();
        assertThat(s.value("pulseio_server_disconnects_total", "reason=\"parse error\""))
                .isEqualTo(1);
    }

    @Test
    void engineIoRefusalsAreCountedByKindToo() throws Exception {
        Scrape unknown = Scrape.request("GET", pollingUrl("nobody"), null);
        assertThat(unknown.status).isEqualTo(400);
        Scrape s = Scrape.until(
                endpoint.port(), x -> x.value("pulseio_server_rejected_total", "kind=\"unknown_session\"") == 1);
        assertThat(s.value("pulseio_server_rejected_total", "kind=\"unknown_session\""))
                .isEqualTo(1);
        assertThat(s.value("pulseio_server_rejected_total", "kind=\"unknown_transport\""))
                .isZero();
    }

    @Test
    void aClientThatNeverPollsOverflowsTheOutboundBound() throws Exception {
        server.namespace("/").onConnection(socket -> {
            String big = "x".repeat(16 * 1024);
            for (int i = 0; i < 8; i++) {
                socket.emit("big", big);
            }
        });
        String sid = pollingHandshake();
        assertThat(Scrape.request("POST", pollingUrl(sid), "40").status).isEqualTo(200);
        Scrape s = Scrape.until(endpoint.port(), x -> x.value("pulseio_server_outbound_overflows_total") == 1);
        assertThat(s.value("pulseio_server_outbound_overflows_total")).isEqualTo(1);
        assertThat(s.value("pulseio_server_disconnects_total", "reason=\"transport error\""))
                .isEqualTo(1);
    }

    private String pollingUrl(String sid) {
        return "http://127.0.0.1:" + port + "/socket.io/?EIO=4&transport=polling" + (sid == null ? "" : "&sid=" + sid);
    }

    private String pollingHandshake() throws Exception {
        Scrape open = Scrape.request("GET", pollingUrl(null), null);
        assertThat(open.status).isEqualTo(200);
        int at = open.body.indexOf("\"sid\":\"") + 7;
        return open.body.substring(at, open.body.indexOf('"', at));
    }
}
