package io.pulseio.interop;

import io.pulseio.adapter.redis.RedisAdapter;
import java.time.Duration;
import java.util.Map;

/**
 * {@link RedisOutageTest} with the sharded variant on both sides ({@code createShardedAdapter},
 * mode {@code dynamic}): the local client joins its room while Redis is down, so the room's
 * sharded channel is asked for during the outage and must be there after the restart for the Node
 * server's broadcast to the room to arrive.
 */
class ShardedRedisOutageTest extends RedisOutageTest {
    @Override
    RedisAdapter adapter(String redisUrl) {
        return RedisAdapter.builder(redisUrl)
                .requestsTimeout(Duration.ofSeconds(2))
                .sharded(true)
                .build();
    }

    @Override
    NodeClusterServer startNode(String redisUrl) throws Exception {
        return NodeClusterServer.start(redisUrl, "sharded", 0, Map.of());
    }
}
