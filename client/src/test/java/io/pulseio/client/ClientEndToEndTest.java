package io.pulseio.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client with its real engine against {@link TestServer} over WebSocket on loopback. */
@Timeout(30)
class ClientEndToEndTest {
    private static final long WAIT = 10;

    private TestServer server;
    private final List<AutoCloseable> closeables = new ArrayList<>();

    @BeforeEach
    void startServer() throws InterruptedException {
        server = new TestServer().start(0);
    }

    @AfterEach
    void stopAll() throws Exception {
        for (int i = closeables.size() - 1; i >= 0; i--) {
            closeables.get(i).close();
        }
        server.close();
    }

    private ClientOptions.Builder options() {
        return ClientOptions.builder(server.url())
                .transports(Transport.WEBSOCKET)
                .reconnectionDelay(Duration.ofMillis(100))
                .reconnectionDelayMax(Duration.ofMillis(200))
                .connectTimeout(Duration.ofSeconds(5));
    }

    private SocketIoClient client(ClientOptions.Builder options) {
        SocketIoClient client = SocketIoClient.create(options.build());
        closeables.add(client);
        return client;
    }

    /** Records a socket's lifecycle as text. */
    private static BlockingQueue<String> lifecycle(Socket socket) {
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                events.add("connect");
            }

            @Override
            public void onDisconnect(DisconnectReason reason) {
                events.add("disconnect " + reason.wireName());
            }

            @Override
            public void onConnectError(String message, JsonNode data) {
                events.add("connect_error " + message + (data == null ? "" : " " + data));
            }
        });
        return events;
    }

    private static String next(BlockingQueue<String> q) throws InterruptedException {
        String s = q.poll(WAIT, TimeUnit.SECONDS);
        assertThat(s).as("an event within " + WAIT + " s").isNotNull();
        return s;
    }

    @Test
    void connectsEmitsAndGetsTheAckWithAuthRoundTrip() throws Exception {
        SocketIoClient client = client(options().auth(Map.of("token", "secret")));
        Socket socket = client.socket();
        BlockingQueue<String> events = lifecycle(socket);
        socket.connect();
        assertThat(next(events)).isEqualTo("connect");
        assertThat(socket.id()).isNotNull();
        assertThat(client.transport()).isEqualTo(Transport.WEBSOCKET);

        List<JsonNode> echo =
                socket.emitWithAck("echo", "hi", 42, Map.of("k", List.of(1, 2))).get(WAIT, TimeUnit.SECONDS);
        assertThat(echo.toString()).isEqualTo("[\"hi\", 42, {\"k\":[1,2]}]");
        List<JsonNode> auth = socket.emitWithAck("auth").get(WAIT, TimeUnit.SECONDS);
        assertThat(auth.get(0).toString()).isEqualTo("{\"token\":\"secret\"}");

        socket.emit("hello", "world");
        assertThat(server.received.poll(WAIT, TimeUnit.SECONDS)).isEqualTo("/ hello [\"world\"]");
    }

    @Test
    void binaryTravelsBothWaysNestedInObjectsAndArrays() throws Exception {
        Socket socket = client(options()).socket().connect();
        List<JsonNode> echo = socket.emitWithAck("echo", Map.of("file", new byte[] {1, 2, 3}), List.of(new byte[] {4}))
                .get(WAIT, TimeUnit.SECONDS);
        assertThat(echo.get(0).get("file").binaryValue()).containsExactly(1, 2, 3);
        assertThat(echo.get(1).get(0).binaryValue()).containsExactly(4);
    }

    @Test
    void serverAsksTheClientForAnAck() throws Exception {
        Socket socket = client(options()).socket();
        BlockingQueue<String> answered = new LinkedBlockingQueue<>();
        socket.on("question", (args, ack) -> ack.send("answer to " + args.get(0).asText()));
        socket.on("answered", (args, ack) -> answered.add(args.toString()));
        socket.connect();
        socket.emit("ask", "life");
        assertThat(next(answered)).isEqualTo("[\"answer to life\"]");
    }

    @Test
    void namespacesShareTheConnectionAndARefusedOneGetsTheServersError() throws Exception {
        SocketIoClient client = client(options());
        Socket root = client.socket("/");
        Socket admin = client.socket("/admin");
        Socket forbidden = client.socket("/forbidden");
        BlockingQueue<String> rootEvents = lifecycle(root);
        BlockingQueue<String> adminEvents = lifecycle(admin);
        BlockingQueue<String> forbiddenEvents = lifecycle(forbidden);
        root.connect();
        admin.connect();
        forbidden.connect();
        assertThat(next(rootEvents)).isEqualTo("connect");
        assertThat(next(adminEvents)).isEqualTo("connect");
        assertThat(next(forbiddenEvents)).isEqualTo("connect_error not authorized {\"code\":403}");
        admin.emit("where");
        assertThat(server.received.poll(WAIT, TimeUnit.SECONDS)).isEqualTo("/admin where []");
        assertThat(server.connections.get()).isEqualTo(1);
    }

    @Test
    void serverDisconnectIsFinal() throws Exception {
        Socket socket = client(options()).socket();
        BlockingQueue<String> events = lifecycle(socket);
        socket.connect();
        assertThat(next(events)).isEqualTo("connect");
        socket.emit("kick");
        assertThat(next(events)).isEqualTo("disconnect io server disconnect");
        assertThat(events.poll(500, TimeUnit.MILLISECONDS)).isNull();
        assertThat(socket.active()).isFalse();
    }

    @Test
    void reconnectsAfterTheServerRestartsAndDeliversWhatWasEmittedMeanwhile() throws Exception {
        SocketIoClient client = client(options());
        Socket socket = client.socket();
        BlockingQueue<String> events = lifecycle(socket);
        BlockingQueue<String> reconnects = new LinkedBlockingQueue<>();
        client.addListener(new ClientListener() {
            @Override
            public void onReconnect(int attempt) {
                reconnects.add("reconnect");
            }
        });
        socket.connect();
        assertThat(next(events)).isEqualTo("connect");
        int port = server.port();
        server.stop();
        assertThat(next(events)).isEqualTo("disconnect transport close");
        socket.emit("while-away", 1);
        socket.emit("while-away", 2);
        Thread.sleep(300);
        server.close();
        server = new TestServer().start(port);
        String next = next(events);
        while (next.startsWith("connect_error")) {
            next = next(events);
        }
        assertThat(next).isEqualTo("connect");
        assertThat(next(reconnects)).isEqualTo("reconnect");
        assertThat(server.received.poll(WAIT, TimeUnit.SECONDS)).isEqualTo("/ while-away [1]");
        assertThat(server.received.poll(WAIT, TimeUnit.SECONDS)).isEqualTo("/ while-away [2]");
    }

    @Test
    void unreachableServerGivesConnectErrors() throws Exception {
        int port = server.port();
        server.stop();
        Socket socket = client(ClientOptions.builder("http://127.0.0.1:" + port)
                        .transports(Transport.WEBSOCKET)
                        .reconnection(false))
                .socket();
        BlockingQueue<String> events = lifecycle(socket);
        socket.connect();
        assertThat(next(events)).startsWith("connect_error transport error");
    }

    @Test
    void listenersRunOnTheEventLoopByDefaultAndOnTheGivenExecutorOtherwise() throws Exception {
        Socket onLoop = client(options()).socket();
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        onLoop.on("p", (args, ack) -> threads.add(Thread.currentThread().getName()));
        onLoop.connect().emit("push", 1);
        assertThat(next(threads)).startsWith("pulseio-client-");

        ExecutorService logic = Executors.newSingleThreadExecutor(r -> new Thread(r, "logic-thread"));
        closeables.add(logic::shutdownNow);
        Socket onLogic = client(options().callbackExecutor(logic)).socket();
        onLogic.on("p", (args, ack) -> threads.add(Thread.currentThread().getName()));
        onLogic.connect().emit("push", 1);
        assertThat(next(threads)).isEqualTo("logic-thread");
        // Hold the logic thread so that the stage is attached before the future completes there.
        CountDownLatch hold = new CountDownLatch(1);
        logic.execute(() -> {
            try {
                hold.await(WAIT, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        CompletableFuture<String> stage = onLogic.emitWithAck("echo")
                .thenApply(args -> Thread.currentThread().getName());
        hold.countDown();
        assertThat(stage.get(WAIT, TimeUnit.SECONDS)).isEqualTo("logic-thread");
    }

    @Test
    void manyEventsArriveInOrder() throws Exception {
        Socket socket = client(options()).socket();
        int n = 5000;
        CountDownLatch done = new CountDownLatch(n);
        List<Integer> seen = new ArrayList<>();
        socket.on("p", (args, ack) -> {
            seen.add(args.get(0).asInt());
            done.countDown();
        });
        socket.connect().emit("push", n);
        assertThat(done.await(WAIT, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < n; i++) {
            assertThat(seen.get(i)).isEqualTo(i);
        }
        CompletableFuture<?>[] acks = new CompletableFuture<?>[n];
        for (int i = 0; i < n; i++) {
            acks[i] = socket.emitWithAck("echo", i);
        }
        CompletableFuture.allOf(acks).get(WAIT, TimeUnit.SECONDS);
    }
}
