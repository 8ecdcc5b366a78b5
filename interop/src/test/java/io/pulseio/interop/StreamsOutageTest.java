package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.adapter.redis.RedisStreamsAdapter;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Outages under a streams cluster (the pulseio server and an official Node.js server with
 * {@code @socket.io/redis-streams-adapter}): the pulseio server reaches Redis through a TCP proxy
 * that the test cuts, so it is cut off while the Node server keeps writing to the stream, and
 * Redis (with an append-only file) is restarted meanwhile. The pulseio server warns, serves its
 * own clients throughout, and when it is back reads every entry written while it was away, in
 * order; then the cluster works both ways again.
 */
class StreamsOutageTest {
    private RedisServer redis;
    private SwitchProxy toRedis;
    private RedisStreamsAdapter adapter;
    private SocketIoServer java;
    private NodeClusterServer node;
    private JavaClusterClient local;
    private LogCapture log;
    private String where;

    @BeforeEach
    void start() throws Exception {
        log = new LogCapture();
        redis = RedisServer.startPersistent();
        toRedis = new SwitchProxy(redis.port);
        where = toRedis.url().substring("http://".length());
        adapter = RedisStreamsAdapter.builder("redis://" + where)
                .requestsTimeout(Duration.ofSeconds(2))
                .blockTime(Duration.ofSeconds(1))
                .build();
        java = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(1)
                .adapter(adapter)
                .build());
        int port = java.start();
        node = NodeClusterServer.start(redis.url(), "streams", 0);
        local = new JavaClusterClient("local", "http://127.0.0.1:" + port);
        node.client("n", node.url());
        MixedClusterTestBase.awaitServerCount(java.sockets(), 2);
    }

    @AfterEach
    void stop() throws Exception {
        log.close();
        local.close();
        node.close();
        java.close();
        adapter.close();
        toRedis.close();
        redis.close();
    }

    @Test
    void aServerCutOffFromRedisReadsAllThatWasWrittenMeanwhileEvenAcrossARedisRestart() throws Exception {
        toRedis.backend(0);
        toRedis.cutAll();
        log.await("lost the connection to Redis at " + where);

        int localEmits = 500;
        for (int i = 0; i < localEmits; i++) {
            java.sockets().emit("local", i);
        }
        int missed = 300;
        for (int i = 0; i < missed; i++) {
            node.run(Map.of("op", "emit", "event", "missed", "args", List.of(i)));
        }
        for (int i = 0;
                i < 400
                        && !redis.cli("XREVRANGE", "socket.io", "+", "-", "COUNT", "1")
                                .contains("[" + (missed - 1) + "]");
                i++) {
            Thread.sleep(25);
        }
        awaitCount("local", localEmits);
        assertThat(local.got.stream()
                        .filter(g -> g.event().equals("local"))
                        .map(g -> g.args().get(0).asInt()))
                .as("served locally, in order")
                .isSorted();

        redis.kill();
        redis.launch();
        assertThat(Long.parseLong(redis.cli("XLEN", "socket.io")))
                .as("the stream survived")
                .isGreaterThanOrEqualTo(missed);
        toRedis.backend(redis.port);

        awaitCount("missed", missed);
        assertThat(local.got.stream()
                        .filter(g -> g.event().equals("missed"))
                        .map(g -> g.args().get(0).asInt()))
                .as("every entry, once, in stream order")
                .containsExactlyElementsOf(IntStream.range(0, missed).boxed().toList());
        log.await("cannot read stream 'socket.io' from Redis at " + where);
        log.await("reading stream 'socket.io' from Redis at " + where + " again");
        assertThat(log.count("cannot read stream")).as("one warning per outage").isEqualTo(1);

        for (int i = 0; i < 200 && !node.clientHasGot("n", "back"); i++) {
            java.sockets().emit("back");
            Thread.sleep(50);
        }
        node.clientGot("n", "back");
        node.run(Map.of("op", "emit", "event", "node-back"));
        local.await("node-back");
        MixedClusterTestBase.awaitServerCount(java.sockets(), 2);
    }

    private void awaitCount(String event, int count) throws InterruptedException {
        for (int i = 0;
                i < 600
                        && local.got.stream()
                                        .filter(g -> g.event().equals(event))
                                        .count()
                                < count;
                i++) {
            Thread.sleep(25);
        }
        assertThat(local.got.stream().filter(g -> g.event().equals(event)).count())
                .as(event)
                .isEqualTo(count);
    }
}
