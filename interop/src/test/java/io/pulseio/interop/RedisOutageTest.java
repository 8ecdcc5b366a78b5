package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.adapter.redis.RedisAdapter;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Redis stopped under a running cluster (classic adapter; ShardedRedisOutageTest runs it with the sharded variant) and started again: the pulseio server
 * warns once, keeps serving its own clients (events, rooms, acks) through thousands of emits
 * without its buffer growing past its bound, and after the restart it is subscribed again and
 * answers the Node server's requests.
 */
class RedisOutageTest {
    private RedisServer redis;
    private RedisAdapter adapter;
    private SocketIoServer java;
    private NodeClusterServer node;
    private JavaClusterClient local;
    private PrintStream stderr;
    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        stderr = System.err;
        System.setErr(new PrintStream(new TeeStream(stderr, logged), true, StandardCharsets.UTF_8));
        redis = RedisServer.start();
        adapter = adapter(redis.url());
        java = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(1)
                .adapter(adapter)
                .build());
        java.sockets().onConnection(s -> {
            s.data().put("from", TextNode.valueOf("pulseio"));
            s.on("join", (args, ack) -> {
                s.join(args.get(0).asText());
                ack.send("joined");
            });
        });
        int port = java.start();
        node = startNode(redis.url());
        local = new JavaClusterClient("local", "http://127.0.0.1:" + port);
        node.client("n", node.url());
        awaitNodeCounts(2);
    }

    /** The pulseio server's adapter: the classic one (requests time out after 2 s). */
    RedisAdapter adapter(String redisUrl) {
        return RedisAdapter.builder(redisUrl)
                .requestsTimeout(Duration.ofSeconds(2))
                .build();
    }

    /** The Node server, with the adapter that matches {@link #adapter}. */
    NodeClusterServer startNode(String redisUrl) throws Exception {
        return NodeClusterServer.start(redisUrl);
    }

    @AfterEach
    void stop() throws Exception {
        System.setErr(stderr);
        local.close();
        node.close();
        java.close();
        adapter.close();
        redis.close();
    }

    @Test
    void localClientsAreServedWhileRedisIsDownAndTheClusterResumesAfterwards() throws Exception {
        redis.kill();
        awaitLogged("lost the connection to Redis at 127.0.0.1:" + redis.port);

        local.join("lobby");
        int emits = 3000;
        for (int i = 0; i < emits; i++) {
            java.sockets().to("lobby").emit("down", i);
        }
        for (int i = 0;
                i < 100
                        && local.got.stream()
                                        .filter(g -> g.event().equals("down"))
                                        .count()
                                < emits;
                i++) {
            Thread.sleep(50);
        }
        assertThat(local.got.stream()
                        .filter(g -> g.event().equals("down"))
                        .map(g -> g.args().get(0).asInt()))
                .as("every emit reached the local client, in order")
                .hasSize(emits)
                .isSorted();
        awaitLogged("cannot publish to Redis at 127.0.0.1:" + redis.port);
        assertThat(count("cannot publish to Redis at"))
                .as("one warning per outage")
                .isEqualTo(1);

        redis.launch();
        awaitNodeCounts(2);
        for (int i = 0; i < 200 && !node.clientHasGot("n", "back"); i++) {
            java.sockets().emit("back");
            Thread.sleep(50);
        }
        node.clientGot("n", "back");
        var fetched = node.run(Map.of("op", "fetch"));
        assertThat(fetched.path("error").isMissingNode()).as(fetched.toString()).isTrue();
        assertThat(fetched.path("sockets"))
                .as("the Node server's fetchSockets is answered")
                .hasSize(2);
        node.run(Map.of("op", "emit", "to", "lobby", "event", "from-node"));
        local.await("from-node");
        assertThat(java.sockets().fetchSockets().get(5, TimeUnit.SECONDS)).hasSize(2);
    }

    private void awaitNodeCounts(int count) throws InterruptedException {
        int seen = -1;
        for (int i = 0; i < 400; i++) {
            seen = node.run(Map.of("op", "serverCount")).path("count").asInt();
            if (seen == count) {
                return;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the Node server counts " + seen + " servers, not " + count);
    }

    private void awaitLogged(String text) throws InterruptedException {
        for (int i = 0; i < 400 && !logText().contains(text); i++) {
            Thread.sleep(25);
        }
        assertThat(logText()).contains(text);
    }

    private int count(String text) {
        Matcher m = Pattern.compile(Pattern.quote(text)).matcher(logText());
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private String logText() {
        synchronized (logged) {
            return logged.toString(StandardCharsets.UTF_8);
        }
    }

    /** Writes to both streams (the build's log keeps the warnings). */
    private static final class TeeStream extends java.io.OutputStream {
        private final java.io.OutputStream a;
        private final ByteArrayOutputStream b;

        TeeStream(java.io.OutputStream a, ByteArrayOutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws java.io.IOException {
            a.write(c);
            synchronized (b) {
                b.write(c);
            }
        }

        @Override
        public void write(byte[] buf, int off, int len) throws java.io.IOException {
            a.write(buf, off, len);
            synchronized (b) {
                b.write(buf, off, len);
            }
        }
    }
}
