package io.pulseio.nodes.socketio.internal.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.client.ClientOptions;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import io.pulseio.logic.time.ManualScheduler;
import io.pulseio.nodes.socketio.internal.shared.QueueExecutor;
import io.pulseio.nodes.socketio.internal.shared.RecordingContext;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The lifecycle of a hosted server, with the control thread run inline and the logic queue run by hand. */
class HostedServerTest {
    private final QueueExecutor logic = new QueueExecutor();
    private final QueueExecutor control = new QueueExecutor();
    private final RecordingContext context = new RecordingContext(logic, new ManualScheduler());
    private SocketIoClient client;

    @AfterEach
    void tearDown() {
        if (client != null) {
            client.close();
        }
    }

    private HostedServer server(Function<ServerOptions, SocketIoServer> factory) {
        return new HostedServer(settings(0), new ServerListeners(context, "srv"), logic, Runnable::run, factory);
    }

    /** A real server whose control thread is a queue the test runs by hand. */
    private HostedServer server(int port) {
        return new HostedServer(
                settings(port), new ServerListeners(context, "srv"), logic, control, SocketIoServer::create);
    }

    private static ServerSettings settings(int port) {
        return new ServerSettings(
                "srv",
                "127.0.0.1",
                port,
                ServerSettings.DEFAULT_PATH,
                List.of(),
                null,
                null,
                ServerSettings.DEFAULT_PING_INTERVAL_MILLIS,
                ServerSettings.DEFAULT_PING_TIMEOUT_MILLIS,
                ServerSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS,
                ServerSettings.DEFAULT_MAX_HTTP_BUFFER_SIZE,
                0,
                null,
                null);
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /** Connects a client to {@code /} and waits until it has joined. */
    private void connectClient(int port) throws InterruptedException {
        CountDownLatch joined = new CountDownLatch(1);
        client = SocketIoClient.create(ClientOptions.builder("http://127.0.0.1:" + port)
                .transports(Transport.WEBSOCKET)
                .reconnection(false)
                .build());
        client.socket().addListener(new SocketListener() {
            @Override
            public void onConnect() {
                joined.countDown();
            }
        });
        client.socket().connect();
        assertThat(joined.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100); // lets the server's side of the join run to its end
    }

    /** The listener types fired, in order, without the {@code socketio.} prefix. */
    private List<String> fired() {
        return context.fired().stream()
                .map(f -> f.substring("socketio.".length(), f.indexOf(' ')))
                .toList();
    }

    @Test
    void anAdminSettingServesTheAdminUiNamespaceWhichFiresNoClientNodes() throws Exception {
        int port = freePort();
        ServerSettings base = settings(port);
        ServerSettings withAdmin = new ServerSettings(
                base.name(),
                base.host(),
                port,
                base.path(),
                List.of(),
                null,
                null,
                base.pingIntervalMillis(),
                base.pingTimeoutMillis(),
                base.connectTimeoutMillis(),
                base.maxHttpBufferSize(),
                0,
                null,
                io.pulseio.admin.AdminOptions.builder().login("ops", "pw").build());
        HostedServer s = new HostedServer(
                withAdmin, new ServerListeners(context, "srv"), logic, control, SocketIoServer::create);
        s.start();
        control.runOne();
        java.util.concurrent.CompletableFuture<String> config = new java.util.concurrent.CompletableFuture<>();
        client = SocketIoClient.create(ClientOptions.builder("http://127.0.0.1:" + port)
                .transports(Transport.WEBSOCKET)
                .reconnection(false)
                .auth(java.util.Map.of("username", "ops", "password", "pw"))
                .build());
        client.socket("/admin")
                .on("config", (args, ack) -> config.complete(args.get(0).toString()));
        client.socket("/admin").connect();
        assertThat(config.get(10, TimeUnit.SECONDS)).contains("\"supportedFeatures\":[\"EMIT\"");
        logic.drain(Duration.ofMillis(300));
        assertThat(fired()).containsExactly("onServerStart");

        s.stop();
        control.runOne();
        logic.drain(Duration.ofMillis(300));
        assertThat(fired()).containsExactly("onServerStart", "onServerStop");
    }

    @Test
    void aClientConnectingToAStartAbandonedAtOnceFiresNothing() throws Exception {
        int port = freePort();
        HostedServer s = server(port);
        s.start();
        s.stop(); // Start, Stop back to back: the start is abandoned
        control.runOne(); // ...but binds the port for a moment
        connectClient(port);
        control.runOne(); // the close
        logic.drain(Duration.ofMillis(300));

        assertThat(fired()).isEmpty();
    }

    @Test
    void aClientConnectingBeforeTheLogicSawTheStartComesAfterOnServerStart() throws Exception {
        int port = freePort();
        HostedServer s = server(port);
        s.start();
        control.runOne(); // bound; the logic has not heard of it yet
        connectClient(port);
        logic.drain(Duration.ofMillis(300));

        assertThat(fired()).containsExactly("onServerStart", "onClientConnect");

        s.stop();
        control.runOne();
        logic.drain(Duration.ofMillis(300));
        assertThat(fired()).containsExactly("onServerStart", "onClientConnect", "onClientDisconnect", "onServerStop");
    }

    @Test
    void anErrorWhileBindingIsABindErrorAndALaterStartTriesAgain() {
        AtomicInteger tries = new AtomicInteger();
        HostedServer s = server(options -> {
            tries.incrementAndGet();
            throw new NoClassDefFoundError("io/netty/channel/epoll/Missing");
        });

        s.start();
        logic.runUntil(() -> !context.fired("onServerError").isEmpty());
        assertThat(context.fired("onServerError"))
                .singleElement()
                .asString()
                .contains("reason=bind error")
                .contains("io/netty/channel/epoll/Missing");

        s.start();
        assertThat(tries).hasValue(2);
    }

    @Test
    void aBindErrorDropsServerStartsWaitAndALaterStartCompletesOnceListening() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            HostedServer s = server(taken.getLocalPort());
            List<String> done = new java.util.ArrayList<>();
            s.start();
            s.whenStarted("first", port -> done.add("first started"));
            control.runOne(); // the bind fails: the port is taken
            logic.runUntil(() -> !context.fired("onServerError").isEmpty());
            logic.drain(Duration.ofMillis(100));
            assertThat(done).as("a failed bind drops the wait").isEmpty();

            taken.close();
            s.start();
            s.whenStarted("second", port -> done.add("started on " + port));
            control.runOne();
            logic.runUntil(() -> !done.isEmpty());
            logic.drain(Duration.ofMillis(100));
            assertThat(done).containsExactly("started on " + taken.getLocalPort());
            s.stop();
            control.runOne();
        }
    }

    @Test
    void aStopBeforeTheServerListensDropsServerStartsWaitAndServerStopCompletesOnceClosed() throws Exception {
        int port = freePort();
        HostedServer s = server(port);
        List<String> done = new java.util.ArrayList<>();
        s.whenStopped("idle", () -> done.add("stopped at once"));
        s.start();
        s.whenStarted("start", p -> done.add("started"));
        s.stop();
        s.whenStopped("stop", () -> done.add("stopped"));
        control.runOne(); // the abandoned bind
        control.runOne(); // the close
        logic.runUntil(() -> done.size() == 2);
        logic.drain(Duration.ofMillis(100));
        assertThat(done).containsExactly("stopped at once", "stopped");
    }

    private static ServerSettings withMetrics(int port, int metricsPort) {
        ServerSettings b = settings(port);
        return new ServerSettings(
                b.name(),
                b.host(),
                port,
                b.path(),
                List.of(),
                null,
                null,
                b.pingIntervalMillis(),
                b.pingTimeoutMillis(),
                b.connectTimeoutMillis(),
                b.maxHttpBufferSize(),
                0,
                null,
                null,
                new MetricsSetting("127.0.0.1", metricsPort));
    }

    private static String scrape(int port) throws IOException {
        java.net.HttpURLConnection c = (java.net.HttpURLConnection) java.net
                .URI
                .create("http://127.0.0.1:" + port + "/metrics")
                .toURL()
                .openConnection();
        c.setConnectTimeout(5000);
        c.setReadTimeout(5000);
        assertThat(c.getResponseCode()).isEqualTo(200);
        try (java.io.InputStream in = c.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void aMetricsSettingServesTheServersMetricsWhileItRuns() throws Exception {
        int port = freePort();
        int metrics = freePort();
        HostedServer s = new HostedServer(
                withMetrics(port, metrics),
                new ServerListeners(context, "srv"),
                logic,
                control,
                SocketIoServer::create);
        s.start();
        control.runOne();
        connectClient(port);
        String text = scrape(metrics);
        assertThat(text)
                .contains("pulseio_server_connections{server=\"srv\"} 1.0")
                .contains("pulseio_server_handshakes_total{server=\"srv\",transport=\"websocket\"} 1.0");
        logic.drain(Duration.ofMillis(300));
        assertThat(fired()).containsExactly("onServerStart", "onClientConnect");

        s.stop();
        control.runOne();
        logic.drain(Duration.ofMillis(300));
        assertThat(fired()).containsExactly("onServerStart", "onClientConnect", "onClientDisconnect", "onServerStop");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scrape(metrics))
                .as("the endpoint closes with the server")
                .isInstanceOf(IOException.class);
    }

    @Test
    void aMetricsPortInUseIsABindErrorAndTheServerIsClosedAgain() throws Exception {
        int port = freePort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            HostedServer s = new HostedServer(
                    withMetrics(port, taken.getLocalPort()),
                    new ServerListeners(context, "srv"),
                    logic,
                    Runnable::run,
                    SocketIoServer::create);
            s.start();
            logic.runUntil(() -> !context.fired("onServerError").isEmpty());
            assertThat(context.fired("onServerError"))
                    .singleElement()
                    .asString()
                    .contains("reason=bind error")
                    .contains("cannot serve metrics on 127.0.0.1:" + taken.getLocalPort());
            try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
                assertThat(again.getLocalPort())
                        .as("the server's own port was released")
                        .isEqualTo(port);
            }
        }
    }
}
