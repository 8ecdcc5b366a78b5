package io.pulseio.adapter.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.pulseio.server.Adapter;
import io.pulseio.server.AdapterOptionException;
import io.pulseio.server.AdapterSettings;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider the server finds for redis:// settings; nothing here needs a Redis server. */
class RedisProviderTest {
    @Test
    void theServerFindsItForRedisUrls() {
        ServerOptions options = ServerOptions.builder()
                .cluster(AdapterSettings.of("redis://127.0.0.1:1"))
                .build();
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
                .hasMessageContaining("'redis://:***@h:99999'")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void theStreamsOptionsAreNodesNamesAndReachTheAdapter() {
        AdapterSettings settings = new AdapterSettings(
                "redis://h",
                "streams",
                null,
                "app",
                Map.of(
                        "streamCount",
                        "3",
                        "maxLen",
                        "500",
                        "readCount",
                        "20",
                        "blockTimeInMs",
                        "250",
                        "sessionKeyPrefix",
                        "s:",
                        "channelPrefix",
                        "chan",
                        "heartbeatInterval",
                        "1000",
                        "onlyPlaintext",
                        "true"));
        options(settings);
        assertThat(ProvidedOptions.streams(settings, "app"))
                .isEqualTo(new StreamsOptions(
                        "app", 3, "chan", 500, 20, Duration.ofMillis(250), "s:", Duration.ofSeconds(5)));
        AdapterSettings named = new AdapterSettings(
                "redis://h", "streams", null, null, Map.of("streamName", "events", "requestsTimeout", "900"));
        assertThat(ProvidedOptions.streams(named, "socket.io"))
                .isEqualTo(new StreamsOptions(
                        "events",
                        1,
                        "socket.io",
                        10_000,
                        100,
                        Duration.ofSeconds(5),
                        "sio:session:",
                        Duration.ofMillis(900)));
    }

    @Test
    void badOptionsFailWithTheirNameAndValue() {
        assertThatThrownBy(() -> streams("maxLen", "0"))
                .hasMessage("maxLen must be a whole number from 1 to 9223372036854775807, was '0'");
        assertThatThrownBy(() -> streams("streamCount", "two"))
                .hasMessage("streamCount must be a whole number from 1 to 2147483647, was 'two'");
        assertThatThrownBy(() -> streams("readCount", "-5")).hasMessageStartingWith("readCount must");
        assertThatThrownBy(() -> streams("blockTimeInMs", "1.5"))
                .hasMessageStartingWith("blockTimeInMs must be a whole number");
        assertThatThrownBy(() -> streams("heartbeatTimeout", "0"))
                .hasMessageStartingWith("heartbeatTimeout must be a whole number");
        assertThatThrownBy(() -> streams("onlyPlaintext", "yes"))
                .hasMessage("onlyPlaintext must be true or false, was 'yes'");
        assertThatThrownBy(() -> streams("useShardedPubSub", "1"))
                .hasMessage("useShardedPubSub must be true or false, was '1'");
        assertThat(ProvidedOptions.streams(
                                new AdapterSettings(
                                        "redis://h", "streams", null, null, Map.of("useShardedPubSub", "true")),
                                "socket.io")
                        .shardedPubSub())
                .isTrue();
        assertThatThrownBy(() -> streams("sessionKeyPrefix", "")).hasMessage("sessionKeyPrefix must not be empty");
        assertThatThrownBy(() -> streams("maxlen", "5"))
                .hasMessageStartingWith(
                        "unknown option 'maxlen' of the streams Redis adapter: it has " + "streamName, streamCount");
        assertThatThrownBy(() -> options(new AdapterSettings("redis://h", null, null, null, Map.of("maxLen", "5"))))
                .hasMessage("unknown option 'maxLen' of the classic Redis adapter: it has requestsTimeout,"
                        + " sharded, subscriptionMode, channelPrefix");
        assertThatThrownBy(() -> options(
                        new AdapterSettings("redis://h", "classic", null, null, Map.of("requestsTimeout", "soon"))))
                .hasMessageStartingWith("requestsTimeout must be a whole number");
    }

    @Test
    void theShardedVariantIsTheClassicKindWithShardedTrueAndNodesOptions() {
        Duration five = Duration.ofSeconds(5);
        assertThat(ProvidedOptions.classic(new AdapterSettings("redis://h", null, null, null), "app", five))
                .isEqualTo(new ProvidedOptions.Classic(five, false, ShardedAdapter.Mode.DYNAMIC, "app"));
        AdapterSettings sharded = new AdapterSettings("redis://h", "classic", null, "app", Map.of("sharded", "true"));
        options(sharded);
        assertThat(ProvidedOptions.classic(sharded, "app", five))
                .isEqualTo(new ProvidedOptions.Classic(five, true, ShardedAdapter.Mode.DYNAMIC, "app"));
        for (ShardedAdapter.Mode mode : ShardedAdapter.Mode.values()) {
            AdapterSettings all = new AdapterSettings(
                    "redis://h",
                    null,
                    null,
                    "app",
                    Map.of(
                            "sharded",
                            "true",
                            "subscriptionMode",
                            mode.nodeName(),
                            "channelPrefix",
                            "chan",
                            "requestsTimeout",
                            "900"));
            options(all);
            assertThat(ProvidedOptions.classic(all, "app", five))
                    .isEqualTo(new ProvidedOptions.Classic(Duration.ofMillis(900), true, mode, "chan"));
        }
        assertThat(ShardedAdapter.Mode.of("dynamic-private")).isEqualTo(ShardedAdapter.Mode.DYNAMIC_PRIVATE);
        assertThat(ShardedAdapter.Mode.of("DYNAMIC")).isNull();
    }

    @Test
    void badShardedOptionsFailWithTheirNameAndValue() {
        assertThatThrownBy(() -> classic(Map.of("sharded", "yes")))
                .isInstanceOf(AdapterOptionException.class)
                .hasMessage("sharded must be true or false, was 'yes'")
                .extracting(e -> ((AdapterOptionException) e).option())
                .isEqualTo("sharded");
        assertThatThrownBy(() -> classic(Map.of("sharded", "true", "channelPrefix", "")))
                .extracting(e -> ((AdapterOptionException) e).option())
                .isEqualTo("channelPrefix");
        assertThatThrownBy(() -> classic(Map.of("subscriptionMode", "static")))
                .extracting(e -> ((AdapterOptionException) e).option())
                .isEqualTo("subscriptionMode");
        assertThatThrownBy(() -> streams("streamName", ""))
                .isInstanceOf(AdapterOptionException.class)
                .hasMessage("streamName must not be empty");
        assertThatThrownBy(() -> streams("maxLen", "many"))
                .extracting(e -> ((AdapterOptionException) e).option())
                .isEqualTo("maxLen");
        assertThatThrownBy(() -> classic(Map.of("sharded", "true", "subscriptionMode", "Dynamic")))
                .hasMessage("subscriptionMode must be static, dynamic or dynamic-private, was 'Dynamic'");
        assertThatThrownBy(() -> classic(Map.of("sharded", "true", "subscriptionMode", "")))
                .hasMessage("subscriptionMode must be static, dynamic or dynamic-private, was ''");
        assertThatThrownBy(() -> classic(Map.of("subscriptionMode", "static")))
                .hasMessage("subscriptionMode is an option of the sharded classic adapter (Node's"
                        + " createShardedAdapter): add sharded=true");
        assertThatThrownBy(() -> classic(Map.of("sharded", "false", "channelPrefix", "chan")))
                .hasMessage("channelPrefix is an option of the sharded classic adapter (Node's"
                        + " createShardedAdapter): add sharded=true");
        assertThatThrownBy(() -> classic(Map.of("sharded", "true", "channelPrefix", "")))
                .hasMessage("channelPrefix must not be empty");
        assertThatThrownBy(() -> classic(Map.of("sharded", "true", "requestsTimeout", "0")))
                .hasMessageStartingWith("requestsTimeout must be a whole number from 1");
        assertThatThrownBy(() -> classic(Map.of("sharded", "true", "useShardedPubSub", "true")))
                .hasMessageStartingWith("unknown option 'useShardedPubSub' of the classic Redis adapter");
        assertThatThrownBy(() -> streams("sharded", "true"))
                .hasMessageStartingWith("unknown option 'sharded' of the streams Redis adapter");
    }

    private static void classic(Map<String, String> options) {
        options(new AdapterSettings("redis://h", "classic", null, null, options));
    }

    private static void streams(String name, String value) {
        options(new AdapterSettings("redis://h", "streams", null, null, Map.of(name, value)));
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

    @Test
    void theShardedVariantsConnectionsToo() {
        var factory = (RedisProvider.SharedLinkFactory<?>) new RedisProvider()
                .open(new AdapterSettings(
                        "redis://127.0.0.1:1",
                        "classic",
                        null,
                        null,
                        Map.of("sharded", "true", "subscriptionMode", "static")));
        SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().adapter(factory).ioThreads(1).build());
        assertThat(server.namespace("/chat").adapter()).isInstanceOf(ShardedAdapter.class);
        assertThat(factory.linked()).isTrue();
        server.close();
        assertThat(factory.linked()).isFalse();
        var plain = new RedisProvider().open(new AdapterSettings("redis://127.0.0.1:1", "classic", null, null));
        SocketIoServer classic = SocketIoServer.create(
                ServerOptions.builder().adapter(plain).ioThreads(1).build());
        assertThat(classic.sockets().adapter()).isInstanceOf(ClassicAdapter.class);
        classic.close();
    }

    private static void connectionsFollowTheServer(String kind) {
        var factory = (RedisProvider.SharedLinkFactory<?>)
                new RedisProvider().open(new AdapterSettings("redis://127.0.0.1:1", kind, null, null));
        assertThat(factory.linked()).isFalse();
        SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().adapter(factory).ioThreads(1).build());
        server.namespace("/chat");
        assertThat(factory.linked()).isTrue();
        server.close();
        assertThat(factory.linked()).isFalse();
        SocketIoServer again = SocketIoServer.create(
                ServerOptions.builder().adapter(factory).ioThreads(1).build());
        assertThat(factory.linked()).isTrue();
        again.close();
        assertThat(factory.linked()).isFalse();
    }

    private static ServerOptions options(AdapterSettings settings) {
        return ServerOptions.builder().cluster(settings).build();
    }
}
