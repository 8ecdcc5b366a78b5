package io.pulseio.adapter.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RedisAdapterBuilderTest {
    @Test
    void badOptionsAreRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> RedisAdapter.builder("http://localhost:6379").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not a Redis URL (redis://[:password@]host[:port][/db] or rediss:// for TLS):"
                        + " 'http://localhost:6379'");
        assertThatThrownBy(() -> RedisAdapter.builder("redis://:hunter2@/0").build())
                .hasMessage("the Redis URL 'redis://:***@/0' names no host (redis://[:password@]host"
                        + "[:port][/db] or rediss:// for TLS)");
        assertThatThrownBy(() -> RedisAdapter.builder("redis://h:6379/queue").build())
                .hasMessage("the Redis URL 'redis://h:6379/queue' has path '/queue': the only path a Redis"
                        + " URL may have is a database number, such as /0");
        assertThatThrownBy(() -> RedisAdapter.builder("redis://h").key("").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("key must not be empty");
        assertThatThrownBy(() -> RedisAdapter.builder("redis://h")
                        .requestsTimeout(Duration.ZERO)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("requestsTimeout must be positive, was PT0S");
        assertThatThrownBy(() -> RedisAdapter.builder(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> RedisAdapter.builder("redis://h")
                        .subscriptionMode(RedisAdapter.SubscriptionMode.STATIC)
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("subscriptionMode is an option of the sharded classic adapter: add sharded(true)");
        assertThatThrownBy(() -> RedisAdapter.builder("redis://h").subscriptionMode(null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() ->
                        RedisAdapter.builder("redis://h").sharded(true).key("").build())
                .hasMessage("key must not be empty");
    }

    @Test
    void theShardedVariantMakesShardedAdaptersInEachMode() {
        assertThat(RedisAdapter.SubscriptionMode.DYNAMIC_PRIVATE.nodeName()).isEqualTo("dynamic-private");
        try (RedisAdapter adapter = RedisAdapter.sharded("redis://127.0.0.1:1");
                RedisAdapter plain = RedisAdapter.classic("redis://127.0.0.1:1")) {
            SocketIoServer server = SocketIoServer.create(
                    ServerOptions.builder().adapter(adapter).ioThreads(1).build());
            SocketIoServer other = SocketIoServer.create(
                    ServerOptions.builder().adapter(plain).ioThreads(1).build());
            try {
                assertThat(server.sockets().adapter().getClass().getSimpleName())
                        .isEqualTo("ShardedAdapter");
                assertThat(other.sockets().adapter().getClass().getSimpleName()).isEqualTo("ClassicAdapter");
            } finally {
                server.close();
                other.close();
            }
        }
    }
}
