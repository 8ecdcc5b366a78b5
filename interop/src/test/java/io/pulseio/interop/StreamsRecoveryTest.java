package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.adapter.redis.RedisStreamsAdapter;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Connection state recovery across the servers of a streams cluster: a client whose connection
 * to one server is cut reconnects, through a switching TCP proxy standing in for the load
 * balancer, to the other server, and gets its session back ({@code recovered}, the same id) with
 * the events broadcast while it was away, whichever server sent them. Both ways: an official
 * client from the pulseio server to the Node.js one, a pulseio client from the Node.js server
 * to the pulseio one. The session lies in Redis between the two ({@code sio:session:<pid>}).
 */
class StreamsRecoveryTest {
    private RedisServer redis;
    private RedisStreamsAdapter adapter;
    private SocketIoServer java;
    private int javaPort;
    private NodeClusterServer node;
    private final List<AutoCloseable> closing = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        adapter = RedisStreamsAdapter.builder(redis.url())
                .requestsTimeout(Duration.ofSeconds(2))
                .build();
        java = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(2)
                .adapter(adapter)
                .connectionStateRecovery(Duration.ofMinutes(1))
                .build());
        javaPort = java.start();
        node = NodeClusterServer.start(redis.url(), "streams", 60_000);
        MixedClusterTestBase.awaitServerCount(java.sockets(), 2);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable c : closing) {
            c.close();
        }
        node.close();
        java.close();
        adapter.close();
        redis.close();
    }

    @Test
    void anOfficialClientCutFromThePulseioServerIsRecoveredByTheNodeServer() throws Exception {
        SwitchProxy proxy = new SwitchProxy(javaPort);
        closing.add(proxy);
        node.run(Map.of(
                "op",
                "client",
                "name",
                "nc",
                "url",
                proxy.url(),
                "opts",
                Map.of("reconnection", true, "reconnectionDelay", 100, "reconnectionDelayMax", 300)));
        JsonNode first = node.await(l -> "client-connect".equals(l.path("ev").asText()));
        assertThat(first.path("recovered").asBoolean()).isFalse();
        String sid = first.path("sid").asText();
        java.sockets().emit("before", 1);
        node.clientGot("nc", "before");

        proxy.backend(0);
        proxy.cutAll();
        awaitGone(sid);
        assertThat(redisCli("--scan", "--pattern", "sio:session:*"))
                .as("the kept session")
                .startsWith("sio:session:");
        java.sockets().emit("missed", "a1");
        java.sockets().emit("missed", "a2");
        // the pulseio server appends to the stream on its own thread: wait for a2 there before the Node server
        // appends b1, or a busy machine can order the stream a1, b1, a2 (the order the replay must keep)
        awaitStreamHolds("a2");
        node.run(Map.of("op", "emit", "event", "missed", "args", List.of("b1")));
        awaitStreamHolds("b1");
        proxy.backend(node.port);

        JsonNode again = node.await(l -> "client-connect".equals(l.path("ev").asText())
                && l.path("recovered").asBoolean());
        assertThat(again.path("sid").asText()).isEqualTo(sid);
        List<String> missed = new ArrayList<>();
        List<JsonNode> lines = node.process.lines();
        for (JsonNode l : lines.subList(0, lines.indexOf(again))) {
            if ("client-event".equals(l.path("ev").asText())
                    && "missed".equals(l.path("event").asText())) {
                missed.add(l.path("args").get(0).asText());
            }
        }
        assertThat(missed).as("replayed before connect, in stream order").containsExactly("a1", "a2", "b1");
        assertThat(redisCli("--scan", "--pattern", "sio:session:*"))
                .as("taken out of Redis")
                .isEmpty();
        node.run(Map.of("op", "emit", "event", "after"));
        node.clientGot("nc", "after");
    }

    @Test
    void aPulseioClientCutFromTheNodeServerIsRecoveredByThePulseioServer() throws Exception {
        SwitchProxy proxy = new SwitchProxy(node.port);
        closing.add(proxy);
        List<String> got = new CopyOnWriteArrayList<>();
        List<Boolean> connects = new CopyOnWriteArrayList<>();
        SocketIoClient client = SocketIoClient.create(ClientOptions.builder(proxy.url())
                .transports(Transport.WEBSOCKET)
                .reconnectionDelay(Duration.ofMillis(100))
                .reconnectionDelayMax(Duration.ofMillis(300))
                .build());
        closing.add(client::close);
        Socket socket = client.socket();
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                connects.add(socket.recovered());
            }
        });
        socket.onAny((event, args, ack) ->
                got.add(event + ":" + (args.isEmpty() ? "" : args.get(0).asText())));
        socket.connect();
        await(() -> connects.size() == 1, "the first connect");
        String sid = socket.id();
        node.run(Map.of("op", "emit", "event", "before", "args", List.of("n0")));
        await(() -> got.contains("before:n0"), "the first event");
        assertThat(socket.lastOffset()).as("a stream id").matches("[0-9]+-[0-9]+");

        proxy.backend(0);
        proxy.cutAll();
        for (int i = 0;
                i < 400
                        && node.run(Map.of("op", "fetch"))
                                .get("sockets")
                                .findValuesAsText("id")
                                .contains(sid);
                i++) {
            Thread.sleep(25);
        }
        node.run(Map.of("op", "emit", "event", "missed", "args", List.of("b1")));
        java.sockets().emit("missed", "a1");
        awaitStreamHolds("a1");
        proxy.backend(javaPort);

        await(() -> connects.size() == 2, "the reconnect");
        assertThat(connects).containsExactly(false, true);
        assertThat(socket.id()).isEqualTo(sid);
        await(() -> got.contains("missed:a1"), "the missed events");
        assertThat(got).containsSubsequence("before:n0", "missed:b1", "missed:a1");
        java.sockets().emit("after", "x");
        await(() -> got.contains("after:x"), "an event after the recovery");
    }

    /** A pulseio client that reconnects by itself, keeping what it got and how each connect went. */
    private final class Reconnecting {
        final List<String> got = new CopyOnWriteArrayList<>();
        final List<Boolean> connects = new CopyOnWriteArrayList<>();
        final Socket socket;

        Reconnecting(String url) throws Exception {
            SocketIoClient client = SocketIoClient.create(ClientOptions.builder(url)
                    .transports(Transport.WEBSOCKET)
                    .reconnectionDelay(Duration.ofMillis(100))
                    .reconnectionDelayMax(Duration.ofMillis(300))
                    .build());
            closing.add(client::close);
            socket = client.socket();
            socket.addListener(new SocketListener() {
                @Override
                public void onConnect() {
                    connects.add(socket.recovered());
                }
            });
            socket.onAny((event, args, ack) ->
                    got.add(event + ":" + (args.isEmpty() ? "" : args.get(0).asText())));
            socket.connect();
            await(() -> connects.size() == 1, "the first connect");
        }
    }

    @Test
    void aPulseioClientMovesBetweenTwoPulseioServers() throws Exception {
        try (RedisStreamsAdapter adapter2 = RedisStreamsAdapter.create(redis.url())) {
            SocketIoServer java2 = SocketIoServer.create(ServerOptions.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .ioThreads(1)
                    .adapter(adapter2)
                    .connectionStateRecovery(Duration.ofMinutes(1))
                    .build());
            closing.add(0, java2::close);
            int port2 = java2.start();
            SwitchProxy proxy = new SwitchProxy(javaPort);
            closing.add(0, proxy);
            Reconnecting c = new Reconnecting(proxy.url());
            String sid = c.socket.id();
            java2.sockets().emit("before", "p2");
            await(() -> c.got.contains("before:p2"), "an event from the other server");

            proxy.backend(0);
            proxy.cutAll();
            awaitGone(sid);
            java2.sockets().emit("missed", "p2");
            awaitStreamHolds("p2\"");
            proxy.backend(port2);

            await(() -> c.connects.size() == 2, "the reconnect");
            assertThat(c.connects).containsExactly(false, true);
            assertThat(c.socket.id()).isEqualTo(sid);
            assertThat(java2.sockets().socket(sid)).isPresent();
            await(() -> c.got.contains("missed:p2"), "the missed event");
        }
    }

    @Test
    void aSessionThatCannotBeReadStartsTheSocketAfreshWithAWarning() throws Exception {
        SwitchProxy proxy = new SwitchProxy(javaPort);
        closing.add(proxy);
        Reconnecting c = new Reconnecting(proxy.url());
        String sid = c.socket.id();
        java.sockets().emit("before", 1);
        await(() -> c.got.contains("before:1"), "the first event");
        proxy.backend(0);
        proxy.cutAll();
        awaitGone(sid);
        String key = redisCli("--scan", "--pattern", "sio:session:*");
        assertThat(key).startsWith("sio:session:");
        redisCli("SET", key, "!!not base64!!");
        try (LogCapture log = new LogCapture()) {
            proxy.backend(javaPort);
            await(() -> c.connects.size() == 2, "the reconnect");
            assertThat(c.connects).containsExactly(false, false);
            assertThat(c.socket.id()).isNotEqualTo(sid);
            log.await("failed to restore a session; the socket starts afresh");
            assertThat(log.text())
                    .contains("a session kept in Redis at 127.0.0.1:" + redis.port
                            + " cannot be read: a session that is not base64")
                    .doesNotContain(key.substring(12));
        }
    }

    private void awaitGone(String sid) throws InterruptedException {
        for (int i = 0; i < 400 && java.sockets().socket(sid).isPresent(); i++) {
            Thread.sleep(25);
        }
        assertThat(java.sockets().socket(sid))
                .as("the cut socket left the pulseio server")
                .isEmpty();
    }

    /** Waits until the stream's last entry holds {@code text} (every emit before it is in too). */
    private void awaitStreamHolds(String text) throws Exception {
        for (int i = 0;
                i < 400
                        && !redisCli("XREVRANGE", "socket.io", "+", "-", "COUNT", "1")
                                .contains(text);
                i++) {
            Thread.sleep(25);
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 400 && !condition.getAsBoolean(); i++) {
            Thread.sleep(25);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }

    private String redisCli(String... args) throws Exception {
        return redis.cli(args);
    }
}
