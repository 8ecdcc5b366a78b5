package io.pulseio.adapter.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.server.Adapter;
import io.pulseio.server.AdapterSettings;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import org.junit.jupiter.api.Test;

/** The provider the server finds for redis:// settings; nothing here needs a Redis server. */
class RedisProviderTest {
  @Test
  void theServerFindsItForRedisUrls() {
    ServerOptions options = ServerOptions.builder()
        .cluster(AdapterSettings.of("redis://127.0.0.1:1")).build();
    assertThat(options.adapter()).isNotSameAs(Adapter.inMemory());
  }

  @Test
  void badSettingsFailTheOptionsWithWhatIsWrong() {
    assertThatThrownBy(() -> options(new AdapterSettings("redis://h", "pubsub", null, null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown Redis adapter kind 'pubsub': use classic (@socket.io/redis-adapter)"
            + " or streams (@socket.io/redis-streams-adapter)");
    assertThatThrownBy(() -> options(new AdapterSettings("redis://h", null, null, "")))
        .hasMessage("the Redis key (channel prefix) must not be empty");
    assertThatThrownBy(() -> options(AdapterSettings.of("redis://:s3cret@h:99999")))
        .hasMessageContaining("'redis://:***@h:99999'").hasMessageNotContaining("s3cret");
  }

  @Test
  void kindsAreReadWithoutRegardToCase() {
    options(new AdapterSettings("rediss://h:6380", "Classic", "pw", "app"));
    options(new AdapterSettings("rediss://h:6380", "STREAMS", "pw", "app"));
  }

  @Test
  void theConnectionsOpenWithTheFirstNamespaceAndCloseWithTheServer() {
    for (String kind : new String[] {"classic", "streams"}) {
      connectionsFollowTheServer(kind);
    }
  }

  private static void connectionsFollowTheServer(String kind) {
    var factory = (RedisProvider.SharedLinkFactory<?>) new RedisProvider()
        .open(new AdapterSettings("redis://127.0.0.1:1", kind, null, null));
    assertThat(factory.linked()).isFalse();
    SocketIoServer server = SocketIoServer.create(ServerOptions.builder().adapter(factory)
        .ioThreads(1).build());
    server.namespace("/chat");
    assertThat(factory.linked()).isTrue();
    server.close();
    assertThat(factory.linked()).isFalse();
    SocketIoServer again = SocketIoServer.create(ServerOptions.builder().adapter(factory)
        .ioThreads(1).build());
    assertThat(factory.linked()).isTrue();
    again.close();
    assertThat(factory.linked()).isFalse();
  }

  private static ServerOptions options(AdapterSettings settings) {
    return ServerOptions.builder().cluster(settings).build();
  }
}
