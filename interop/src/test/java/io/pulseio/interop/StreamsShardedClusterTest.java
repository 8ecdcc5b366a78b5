package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.adapter.redis.RedisStreamsAdapter;
import io.pulseio.server.Adapter;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The tests of {@link MixedClusterTestBase} over the streams protocol with
 * {@code useShardedPubSub} on both sides (Debian's redis-server 7): requests and answers go over
 * {@code SPUBLISH}/{@code SSUBSCRIBE} and servers are counted by {@code PUBSUB SHARDNUMSUB}.
 */
class StreamsShardedClusterTest extends MixedClusterTestBase {
    @Override
    Adapter.Factory adapter(String redisUrl) {
        return RedisStreamsAdapter.builder(redisUrl)
                .requestsTimeout(Duration.ofSeconds(2))
                .useShardedPubSub(true)
                .build();
    }

    @Override
    String nodeKind() {
        return "streams";
    }

    @Override
    Map<String, ?> nodeOptions() {
        return Map.of("useShardedPubSub", true);
    }

    @Test
    void theRequestChannelsAreShardedOnes() throws Exception {
        assertThat(redis.cli("PUBSUB", "SHARDNUMSUB", "socket.io#/#")).endsWith("2");
        assertThat(redis.cli("PUBSUB", "NUMSUB", "socket.io#/#")).endsWith("0");
    }
}
