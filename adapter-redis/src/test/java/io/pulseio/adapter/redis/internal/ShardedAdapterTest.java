package io.pulseio.adapter.redis.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.server.AdapterSettings;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which rooms' channels the sharded adapter follows, on a real server's in-memory rooms (no Redis:
 * the link keeps retrying in the background; what it would subscribe to is what is followed). The
 * mixed cluster itself is in the interop module's ClassicShardedClusterTest.
 */
class ShardedAdapterTest {
    private SocketIoServer server;

    private ShardedAdapter start(String mode) {
        server = SocketIoServer.create(ServerOptions.builder()
                .cluster(new AdapterSettings(
                        "redis://127.0.0.1:1", null, null, null, Map.of("sharded", "true", "subscriptionMode", mode)))
                .ioThreads(1)
                .build());
        return (ShardedAdapter) server.sockets().adapter();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void dynamicFollowsPublicRoomsWhileTheyHaveSocketsHere() {
        ShardedAdapter adapter = start("dynamic");
        adapter.addAll("sock1", Set.of("sock1", "red"));
        adapter.addAll("sock2", Set.of("sock2", "red", "blue"));
        assertThat(adapter.roomChannels()).containsExactlyInAnyOrder("red", "blue");
        adapter.del("sock1", "red");
        assertThat(adapter.roomChannels()).containsExactlyInAnyOrder("red", "blue");
        adapter.delAll("sock2");
        assertThat(adapter.roomChannels()).isEmpty();
    }

    @Test
    void eventsThatArriveCrossedAreReadBackAgainstTheRoom() {
        ShardedAdapter adapter = start("dynamic");
        adapter.addAll("sock1", Set.of("sock1", "red"));
        // a stale "deleted" (another thread's, overtaken by this room's creation) changes nothing
        adapter.roomDeleted("red");
        assertThat(adapter.roomChannels()).containsExactly("red");
        adapter.delAll("sock1");
        // and a stale "created" of a room that is gone again
        adapter.roomCreated("red");
        assertThat(adapter.roomChannels()).isEmpty();
    }

    @Test
    void staticFollowsNoRoomAndDynamicPrivateEveryRoom() {
        ShardedAdapter none = start("static");
        none.addAll("sock1", Set.of("sock1", "red"));
        assertThat(none.roomChannels()).isEmpty();
        server.close();
        ShardedAdapter all = start("dynamic-private");
        all.addAll("sock1", Set.of("sock1", "red"));
        assertThat(all.roomChannels()).containsExactlyInAnyOrder("sock1", "red");
        all.close();
        assertThat(all.roomChannels()).isEmpty();
        all.addAll("sock2", Set.of("green"));
        assertThat(all.roomChannels()).as("nothing is followed once closed").isEmpty();
    }
}
