package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import io.pulseio.adapter.redis.RedisAdapter;
import io.pulseio.adapter.redis.RedisAdapter.SubscriptionMode;
import io.pulseio.server.Adapter;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A pulseio server with {@code RedisAdapter.builder(url).sharded(true)} and an official Node.js
 * server with {@code createShardedAdapter} of {@code @socket.io/redis-adapter} 8.3.0 on one real
 * redis-server 7 act as one: every test of {@link MixedClusterTestBase} in each subscription mode,
 * and what each mode subscribes to ({@code PUBSUB SHARDCHANNELS}, {@code SHARDNUMSUB}).
 */
class ClassicShardedClusterTest {
    /** The channels' counts as {@code PUBSUB SHARDNUMSUB} gives them: the last number. */
    static int shardSubscribers(RedisServer redis, String channel) throws Exception {
        String[] lines = redis.cli("PUBSUB", "SHARDNUMSUB", channel).trim().split("\\s+");
        return Integer.parseInt(lines[lines.length - 1]);
    }

    static List<String> shardChannels(RedisServer redis) throws Exception {
        String out = redis.cli("PUBSUB", "SHARDCHANNELS").trim();
        return out.isEmpty() ? List.of() : Arrays.asList(out.split("\\s+"));
    }

    static void awaitShardSubscribers(RedisServer redis, String channel, int count) throws Exception {
        for (int i = 0; i < 200 && shardSubscribers(redis, channel) != count; i++) {
            Thread.sleep(25);
        }
        assertThat(shardSubscribers(redis, channel))
                .as("subscribers of " + channel + " among " + shardChannels(redis))
                .isEqualTo(count);
    }

    /** The mixed cluster in one mode. */
    abstract static class Mode extends MixedClusterTestBase {
        abstract SubscriptionMode mode();

        @Override
        Adapter.Factory adapter(String redisUrl) {
            return RedisAdapter.builder(redisUrl)
                    .requestsTimeout(Duration.ofSeconds(2))
                    .sharded(true)
                    .subscriptionMode(mode())
                    .build();
        }

        @Override
        String nodeKind() {
            return "sharded";
        }

        @Override
        Map<String, ?> nodeOptions() {
            return Map.of("subscriptionMode", mode().nodeName());
        }

        @Test
        void theNamespacesChannelsAreShardedOnes() throws Exception {
            assertThat(shardSubscribers(redis, "socket.io#/#")).isEqualTo(2);
            assertThat(redis.cli("PUBSUB", "NUMSUB", "socket.io#/#").trim()).endsWith("0");
            assertThat(redis.cli("PUBSUB", "CHANNELS").trim()).isEmpty();
            assertThat(redis.cli("PUBSUB", "NUMPAT").trim()).isEqualTo("0");
            // each server's answers come on a channel of its own
            assertThat(shardChannels(redis).stream()
                            .filter(c -> c.matches("socket\\.io#/#[0-9a-f]{16}#"))
                            .count())
                    .as(shardChannels(redis).toString())
                    .isEqualTo(2);
        }

        @Test
        void aRedisRestartLosesWhatWasSentMeanwhileButNothingHangsAndTheClusterResumes() throws Exception {
            ja.join("red");
            redis.kill();
            java.sockets().to("red").emit("while-down");
            ja.await("while-down");
            long start = System.nanoTime();
            CompletableFuture<List<RemoteSocket>> fetched = java.sockets().fetchSockets();
            try {
                fetched.get(5, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                assertThat(e.getCause()).hasMessageContaining("Redis");
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("fetchSockets hung while Redis was down", e);
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            redis.launch();
            // subscribed again: the namespace's channels, and the room's in the dynamic modes
            awaitShardSubscribers(redis, "socket.io#/#", 2);
            if (mode() != SubscriptionMode.STATIC) {
                awaitShardSubscribers(redis, "socket.io#/#red#", 1);
            }
            for (int i = 0; i < 400 && !node.clientHasGot("nb", "after-restart"); i++) {
                java.sockets().emit("after-restart");
                Thread.sleep(50);
            }
            node.clientGot("nb", "after-restart");
            for (int i = 0; i < 400 && !ja.hasGot("node-red-after-restart"); i++) {
                node.run(Map.of("op", "emit", "to", "red", "event", "node-red-after-restart"));
                Thread.sleep(50);
            }
            ja.await("node-red-after-restart");
            assertThat(java.sockets().fetchSockets().get(10, TimeUnit.SECONDS)).hasSize(4);
        }
    }

    @Nested
    class Static extends Mode {
        @Override
        SubscriptionMode mode() {
            return SubscriptionMode.STATIC;
        }

        @Test
        void roomsGetNoChannelOfTheirOwn() throws Exception {
            ja.join("red");
            node.run(Map.of("op", "clientEmit", "name", "nb", "event", "join", "args", List.of("red")));
            node.run(Map.of("op", "emit", "to", "red", "event", "node-red"));
            ja.await("node-red");
            java.sockets().to("red").emit("java-red");
            node.clientGot("nb", "java-red");
            // per namespace, its channel and the answers of each server that has it (/chat: Node only)
            assertThat(shardChannels(redis))
                    .hasSize(5)
                    .allMatch(c -> c.matches("socket\\.io#/(chat)?#([0-9a-f]{16}#)?"));
        }
    }

    @Nested
    class Dynamic extends Mode {
        @Override
        SubscriptionMode mode() {
            return SubscriptionMode.DYNAMIC;
        }

        @Test
        void aPublicRoomHasItsChannelWhileItHasSocketsAndPrivateOnesNone() throws Exception {
            ja.join("red");
            node.run(Map.of("op", "clientEmit", "name", "nb", "event", "join", "args", List.of("red")));
            awaitShardSubscribers(redis, "socket.io#/#red#", 2);
            node.run(Map.of("op", "emit", "to", "red", "event", "node-red"));
            ja.await("node-red");
            java.sockets().to("red").emit("java-red");
            node.clientGot("nb", "java-red");
            // a broadcast to one socket goes over the namespace's channel, as Node sends it
            node.run(Map.of("op", "emit", "to", ja.socket.id(), "event", "to-ja"));
            ja.await("to-ja");
            assertThat(shardChannels(redis)).noneMatch(c -> c.contains(ja.socket.id()));
            assertThat(shardChannels(redis)).noneMatch(c -> c.contains(jb.socket.id()));

            java.sockets().in("red").socketsLeave("red");
            awaitShardSubscribers(redis, "socket.io#/#red#", 0);
            java.sockets().to("red").emit("nobody-red");
            java.sockets().emit("marker");
            ja.await("marker");
            node.clientGot("nb", "marker");
            assertThat(ja.hasGot("nobody-red")).isFalse();
            assertThat(node.clientHasGot("nb", "nobody-red")).isFalse();
        }

        @Test
        void aRoomJoinedAndLeftOnManyThreadsAtOnceEndsSubscribedAsItEnds() throws Exception {
            for (int i = 0; i < 4; i++) {
                add(new JavaClusterClient("x" + i, javaUrl));
            }
            List<ServerSocket> local = java.sockets().adapter().sockets(Set.of()).stream()
                    .map(id -> java.sockets().socket(id).orElseThrow())
                    .toList();
            assertThat(local).hasSize(6);
            churn(local, "hot", t -> false);
            awaitShardSubscribers(redis, "socket.io#/#hot#", 0);
            churn(local, "hot", t -> t == 3);
            awaitShardSubscribers(redis, "socket.io#/#hot#", 1);
            Thread.sleep(200);
            assertThat(shardSubscribers(redis, "socket.io#/#hot#")).isEqualTo(1);
            node.run(Map.of("op", "emit", "to", "hot", "event", "node-hot"));
            String in = local.get(3).id();
            JavaClusterClient receiver = clients.stream()
                    .filter(c -> c instanceof JavaClusterClient j && in.equals(j.socket.id()))
                    .map(c -> (JavaClusterClient) c)
                    .findFirst()
                    .orElse(null);
            if (receiver != null) {
                receiver.await("node-hot");
            } else {
                node.clientGot("na", "node-hot"); // the official client's socket stayed in
            }
        }

        @Test
        void roomsThatComeAndGoByRequestsOrDisconnectsFollowTheirChannels() throws Exception {
            node.run(Map.of("op", "socketsJoin", "rooms", List.of("blue")));
            awaitShardSubscribers(redis, "socket.io#/#blue#", 2);
            node.run(Map.of("op", "emit", "to", "blue", "event", "node-blue"));
            ja.await("node-blue");
            jb.await("node-blue");
            node.run(Map.of("op", "socketsLeave", "rooms", List.of("blue")));
            awaitShardSubscribers(redis, "socket.io#/#blue#", 0);

            ja.join("green");
            awaitShardSubscribers(redis, "socket.io#/#green#", 1);
            ja.close();
            awaitShardSubscribers(redis, "socket.io#/#green#", 0);
        }
    }

    /** Joins and leaves {@code room} from one thread per socket at once; each socket ends joined or not. */
    static void churn(List<ServerSocket> sockets, String room, java.util.function.IntPredicate endsIn)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(sockets.size());
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < sockets.size(); t++) {
                ServerSocket s = sockets.get(t);
                boolean stay = endsIn.test(t);
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 200; i++) {
                        s.join(room);
                        s.leave(room);
                    }
                    if (stay) {
                        s.join(room);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Nested
    class DynamicPrivate extends Mode {
        @Override
        SubscriptionMode mode() {
            return SubscriptionMode.DYNAMIC_PRIVATE;
        }

        @Test
        void everyRoomHasItsChannelSocketIdsIncluded() throws Exception {
            awaitShardSubscribers(redis, "socket.io#/#" + ja.socket.id() + "#", 1);
            awaitShardSubscribers(redis, "socket.io#/#" + jb.socket.id() + "#", 1);
            node.run(Map.of("op", "emit", "to", ja.socket.id(), "event", "to-ja"));
            ja.await("to-ja");
            String nb = node.run(Map.of("op", "fetch")).get("sockets").findValuesAsText("id").stream()
                    .filter(id -> !java.sockets().socket(id).isPresent() && !id.equals(jb.socket.id()))
                    .findFirst()
                    .orElseThrow();
            java.sockets().to(nb).emit("to-nb");
            node.clientGot("nb", "to-nb");
            String id = ja.socket.id();
            ja.close();
            awaitShardSubscribers(redis, "socket.io#/#" + id + "#", 0);
        }
    }
}
