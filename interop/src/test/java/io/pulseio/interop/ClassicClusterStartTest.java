package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.adapter.redis.RedisAdapter;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A pulseio server whose Redis is not there yet serves its own clients and joins once it is. */
class ClassicClusterStartTest {
    @Test
    void aServerStartedBeforeRedisServesItsClientsThenJoinsTheCluster() throws Exception {
        int redisPort = RedisServer.freePort();
        String url = "redis://127.0.0.1:" + redisPort;
        try (RedisAdapter adapter =
                RedisAdapter.builder(url).requestsTimeout(Duration.ofSeconds(2)).build()) {
            SocketIoServer java = SocketIoServer.create(ServerOptions.builder()
                    .host("127.0.0.1")
                    .port(0)
                    .ioThreads(2)
                    .adapter(adapter)
                    .build());
            try (AutoCloseable closeServer = java::close) {
                int port = java.start();
                try (JavaClusterClient ja = new JavaClusterClient("ja", "http://127.0.0.1:" + port)) {
                    java.sockets().emit("alone");
                    ja.await("alone");
                    try {
                        java.sockets().serverCount().get(5, TimeUnit.SECONDS);
                        throw new AssertionError("a server count without Redis");
                    } catch (ExecutionException e) {
                        assertThat(e.getCause()).hasMessageContaining("Redis at 127.0.0.1:" + redisPort);
                    }
                    try (RedisServer redis = RedisServer.startOn(redisPort);
                            NodeClusterServer node = NodeClusterServer.start(url)) {
                        node.client("nb", node.url());
                        for (int i = 0; i < 400 && !node.clientHasGot("nb", "joined"); i++) {
                            java.sockets().emit("joined");
                            Thread.sleep(50);
                        }
                        node.clientGot("nb", "joined");
                        node.run(Map.of("op", "emit", "event", "from-node"));
                        ja.await("from-node");
                    }
                }
            }
        }
    }
}
