package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.adapter.redis.RedisAdapter;
import io.pulseio.adapter.redis.RedisEmitter;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisEmitter} publishes, without a server of its own, to a cluster of an official
 * socket.io 4.8.4 server with {@code @socket.io/redis-adapter} 8.3.0 and a pulseio server on one
 * real redis-server; official clients on both get what it emits.
 */
class EmitterTest {
    private RedisServer redis;
    private NodeClusterServer node;
    private RedisAdapter adapter;
    private SocketIoServer java;
    private RedisEmitter emitter;
    private final LinkedBlockingQueue<String> serverSide = new LinkedBlockingQueue<>();

    @BeforeEach
    void start() throws Exception {
        redis = RedisServer.start();
        node = NodeClusterServer.start(redis.url());
        adapter = RedisAdapter.builder(redis.url())
                .requestsTimeout(Duration.ofSeconds(2))
                .build();
        java = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(1)
                .adapter(adapter)
                .build());
        java.sockets().onServerSideEmit((event, args, ack) -> serverSide.add(event + " " + args));
        int port = java.start();
        awaitTwoServers();
        node.client("n", node.url());
        node.client("j", "http://127.0.0.1:" + port);
        node.client("c", node.url() + "/chat");
        emitter = RedisEmitter.create(redis.url());
    }

    /** Both servers subscribed (the pulseio one connects in the background). */
    private void awaitTwoServers() throws InterruptedException {
        for (int i = 0; i < 400; i++) {
            try {
                if (java.sockets().serverCount().get(5, TimeUnit.SECONDS) == 2) {
                    return;
                }
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // not connected yet
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the cluster did not count 2 servers");
    }

    @AfterEach
    void stop() throws Exception {
        emitter.close();
        node.close();
        java.close();
        adapter.close();
        redis.close();
    }

    @Test
    void anEmitReachesEveryClientOfTheNamespaceOnEveryServer() throws Exception {
        byte[] bytes = {1, 2, 3};
        assertThat(emitter.emit("all", "x", bytes).get(5, TimeUnit.SECONDS)).isEqualTo(2);
        String expected = "[\"x\",{\"base64\":\"" + Base64.getEncoder().encodeToString(bytes) + "\"}]";
        assertThat(node.clientGot("n", "all").path("args")).hasToString(expected);
        assertThat(node.clientGot("j", "all").path("args")).hasToString(expected);
        marker("m1");
        assertThat(node.clientHasGot("c", "all")).as("another namespace").isFalse();
    }

    @Test
    void roomsAndExceptSelectTheClients() throws Exception {
        node.run(Map.of("op", "clientEmit", "name", "n", "event", "join", "args", List.of("r1")));
        emitter.to("r1").emit("room", 1).get(5, TimeUnit.SECONDS);
        emitter.except("r1").emit("others", 2).get(5, TimeUnit.SECONDS);
        assertThat(node.clientGot("n", "room").path("args")).hasToString("[1]");
        assertThat(node.clientGot("j", "others").path("args")).hasToString("[2]");
        marker("m1");
        assertThat(node.clientHasGot("j", "room")).isFalse();
        assertThat(node.clientHasGot("n", "others")).isFalse();
    }

    @Test
    void anotherNamespaceGetsOnlyItsOwn() throws Exception {
        emitter.of("chat").emit("chat", Map.of("text", "hi")).get(5, TimeUnit.SECONDS);
        assertThat(node.clientGot("c", "chat").path("args")).hasToString("[{\"text\":\"hi\"}]");
        marker("m1");
        assertThat(node.clientHasGot("n", "chat")).isFalse();
    }

    @Test
    void socketsJoinAndLeaveChangeTheRoomsOnEveryServer() throws Exception {
        emitter.socketsJoin("vip").get(5, TimeUnit.SECONDS);
        emitter.to("vip").emit("vip", "in").get(5, TimeUnit.SECONDS);
        assertThat(node.clientGot("n", "vip").path("args")).hasToString("[\"in\"]");
        assertThat(node.clientGot("j", "vip").path("args")).hasToString("[\"in\"]");

        emitter.to("vip").socketsLeave("vip").get(5, TimeUnit.SECONDS);
        emitter.to("vip").emit("vip-again").get(5, TimeUnit.SECONDS);
        marker("m1");
        assertThat(node.clientHasGot("n", "vip-again")).isFalse();
        assertThat(node.clientHasGot("j", "vip-again")).isFalse();
    }

    @Test
    void serverSideEmitReachesTheServersListeners() throws Exception {
        emitter.serverSideEmit("hello", "from emitter").get(5, TimeUnit.SECONDS);
        assertThat(node.await(l -> "server-side".equals(l.path("ev").asText()))
                        .path("arg")
                        .asText())
                .isEqualTo("from emitter");
        assertThat(serverSide.poll(10, TimeUnit.SECONDS)).isEqualTo("hello [\"from emitter\"]");
    }

    @Test
    void disconnectSocketsDisconnectsThemOnEveryServer() throws Exception {
        emitter.disconnectSockets(true).get(5, TimeUnit.SECONDS);
        for (String name : List.of("n", "j")) {
            assertThat(node.await(l -> "client-disconnect".equals(l.path("ev").asText())
                                    && name.equals(l.path("name").asText()))
                            .path("reason")
                            .asText())
                    .isEqualTo("io server disconnect");
        }
        assertThat(node.clientHasGot("c", "client-disconnect")).isFalse();
    }

    @Test
    void reservedNamesAreRefusedAndAnUnreachableRedisFailsTheFuture() throws Exception {
        assertThatThrownBy(() -> emitter.emit("disconnect")).hasMessage("\"disconnect\" is a reserved event name");
        int nothing = RedisServer.freePort();
        try (RedisEmitter down = RedisEmitter.create("redis://127.0.0.1:" + nothing)) {
            assertThatThrownBy(() -> down.emit("x").get(10, TimeUnit.SECONDS))
                    .hasMessageContaining("cannot publish to Redis at 127.0.0.1:" + nothing);
        }
    }

    /** Emits {@code name} to all and waits for both clients of / to get it (what came before, came). */
    private void marker(String name) throws Exception {
        emitter.emit(name).get(5, TimeUnit.SECONDS);
        node.clientGot("n", name);
        node.clientGot("j", name);
    }
}
