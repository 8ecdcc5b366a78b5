package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.adapter.redis.RedisAdapter;
import io.pulseio.server.Adapter;
import io.pulseio.server.RemoteSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A pulseio server and an official Node.js socket.io server with {@code @socket.io/redis-adapter}
 * 8.3.0 on one real redis-server act as one (the tests of {@link MixedClusterTestBase}), and what
 * a Redis restart does to pub/sub.
 */
class ClassicClusterTest extends MixedClusterTestBase {
    @Override
    Adapter.Factory adapter(String redisUrl) {
        return RedisAdapter.builder(redisUrl)
                .requestsTimeout(Duration.ofSeconds(2))
                .build();
    }

    @Override
    String nodeKind() {
        return "classic";
    }

    @Test
    void aRedisRestartLosesWhatWasSentMeanwhileButNothingHangsAndBroadcastsResume() throws Exception {
        redis.kill();
        java.sockets().emit("while-down");
        ja.await("while-down");
        CompletableFuture<List<RemoteSocket>> fetched = java.sockets().fetchSockets();
        try {
            fetched.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).hasMessageContaining("Redis");
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("fetchSockets hung while Redis was down", e);
        }
        redis.launch();
        for (int i = 0; i < 400 && !node.clientHasGot("nb", "after-restart"); i++) {
            java.sockets().emit("after-restart");
            Thread.sleep(50);
        }
        node.clientGot("nb", "after-restart");
        for (int i = 0; i < 400 && !ja.hasGot("node-after-restart"); i++) {
            node.run(Map.of("op", "emit", "event", "node-after-restart"));
            Thread.sleep(50);
        }
        ja.await("node-after-restart");
    }
}
