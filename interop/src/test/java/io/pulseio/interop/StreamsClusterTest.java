package io.pulseio.interop;

import io.pulseio.adapter.redis.RedisStreamsAdapter;
import io.pulseio.server.Adapter;
import java.time.Duration;

/**
 * A pulseio server and an official Node.js socket.io server with
 * {@code @socket.io/redis-streams-adapter} 0.3.1 on one real redis-server act as one: the tests of
 * {@link MixedClusterTestBase} over the streams protocol.
 */
class StreamsClusterTest extends MixedClusterTestBase {
  @Override
  Adapter.Factory adapter(String redisUrl) {
    return RedisStreamsAdapter.builder(redisUrl).requestsTimeout(Duration.ofSeconds(2)).build();
  }

  @Override
  String nodeKind() {
    return "streams";
  }
}
