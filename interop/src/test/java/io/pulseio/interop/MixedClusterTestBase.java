package io.pulseio.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.pulseio.server.AckReply;
import io.pulseio.server.Adapter;
import io.pulseio.server.Namespace;
import io.pulseio.server.RemoteSocket;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every Redis adapter must do in a mixed cluster: a pulseio server and an official Node.js
 * socket.io server with the same adapter on one real redis-server act as one, with a pulseio
 * client and an official client on each. Subclasses name the adapter.
 */
abstract class MixedClusterTestBase {
    RedisServer redis;
    AutoCloseable adapter;
    SocketIoServer java;
    NodeClusterServer node;
    String javaUrl;
    final List<AutoCloseable> clients = new ArrayList<>();
    final LinkedBlockingQueue<String> serverSide = new LinkedBlockingQueue<>();
    JavaClusterClient ja;
    JavaClusterClient jb;

    /** The pulseio side's adapter on this Redis (requests time out after 2 s). */
    abstract Adapter.Factory adapter(String redisUrl);

    /** The Node side's adapter: classic or streams. */
    abstract String nodeKind();

    /** Options added to the Node side's adapter (Node's names); none by default. */
    Map<String, ?> nodeOptions() {
        return Map.of();
    }

    @BeforeEach
    void startCluster() throws Exception {
        redis = RedisServer.start();
        Adapter.Factory factory = adapter(redis.url());
        adapter = (AutoCloseable) factory;
        java = SocketIoServer.create(ServerOptions.builder()
                .host("127.0.0.1")
                .port(0)
                .ioThreads(2)
                .adapter(factory)
                .build());
        java.sockets().onConnection(s -> {
            s.data().put("from", TextNode.valueOf("pulseio"));
            s.on("join", (args, ack) -> {
                s.join(args.get(0).asText());
                ack.send("joined");
            });
        });
        java.sockets().onServerSideEmit((event, args, ack) -> {
            serverSide.add(event + " " + args);
            if (ack != null) {
                ack.send("pulseio:" + args.get(0).asText());
            }
        });
        int port = java.start();
        node = NodeClusterServer.start(redis.url(), nodeKind(), 0, nodeOptions());
        awaitServerCount(java.sockets(), 2);
        javaUrl = "http://127.0.0.1:" + port;
        ja = add(new JavaClusterClient("ja", javaUrl));
        jb = add(new JavaClusterClient("jb", node.url()));
        node.client("na", javaUrl);
        node.client("nb", node.url());
    }

    JavaClusterClient add(JavaClusterClient c) {
        clients.add(c);
        return c;
    }

    @AfterEach
    void stopCluster() throws Exception {
        for (AutoCloseable c : clients) {
            c.close();
        }
        if (node != null) {
            node.close();
        }
        if (java != null) {
            java.close();
        }
        if (adapter != null) {
            adapter.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    static void awaitServerCount(Namespace nsp, int count) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (nsp.serverCount().get(5, TimeUnit.SECONDS) == count) {
                return;
            }
            Thread.sleep(25);
        }
        assertThat(nsp.serverCount().get(5, TimeUnit.SECONDS)).isEqualTo(count);
    }

    @Test
    void broadcastsFromEitherServerReachEveryClientOnBoth() throws Exception {
        java.sockets().emit("from-java", 1, "two");
        assertThat(ja.await("from-java").args()).hasToString("[1, \"two\"]");
        assertThat(jb.await("from-java").args()).hasToString("[1, \"two\"]");
        assertThat(node.clientGot("na", "from-java").get("args")).hasToString("[1,\"two\"]");
        assertThat(node.clientGot("nb", "from-java").get("args")).hasToString("[1,\"two\"]");

        node.run(Map.of("op", "emit", "event", "from-node", "args", List.of(Map.of("k", 3))));
        assertThat(ja.await("from-node").args()).hasToString("[{\"k\":3}]");
        assertThat(jb.await("from-node").args()).hasToString("[{\"k\":3}]");
        node.clientGot("na", "from-node");
        node.clientGot("nb", "from-node");
    }

    @Test
    void aBurstOfBroadcastsFarBeyondTheOutageQueueArrivesWhole() throws Exception {
        // 5x the 1000 commands the connection keeps during an outage (none is refused now), and below the
        // streams adapter's maxLen (10 000): a bigger burst than that, written faster than a busy
        // reader reads, is trimmed off the stream before it is read, by Node's servers too
        int n = 5_000;
        for (int i = 0; i < n; i++) {
            java.sockets().emit("burst", i);
        }
        for (int i = 0;
                i < 2400
                        && jb.got.stream()
                                        .filter(g -> g.event().equals("burst"))
                                        .count()
                                < n;
                i++) {
            Thread.sleep(25);
        }
        assertThat(jb.got.stream()
                        .filter(g -> g.event().equals("burst"))
                        .map(g -> g.args().get(0).asInt()))
                .as("every broadcast, in order, on the Node server")
                .containsExactlyElementsOf(IntStream.range(0, n).boxed().toList());
    }

    @Test
    void roomsAndExceptionsSpanTheServers() throws Exception {
        ja.join("red");
        node.run(Map.of("op", "clientEmit", "name", "nb", "event", "join", "args", List.of("red")));
        java.sockets().to("red").emit("java-red");
        node.run(Map.of("op", "emit", "except", "red", "event", "node-not-red"));
        java.sockets().emit("marker");
        ja.await("java-red");
        node.clientGot("nb", "java-red");
        jb.await("node-not-red");
        node.clientGot("na", "node-not-red");
        ja.await("marker");
        jb.await("marker");
        node.clientGot("na", "marker");
        node.clientGot("nb", "marker");
        assertThat(jb.hasGot("java-red")).isFalse();
        assertThat(node.clientHasGot("na", "java-red")).isFalse();
        assertThat(ja.hasGot("node-not-red")).isFalse();
        assertThat(node.clientHasGot("nb", "node-not-red")).isFalse();
    }

    @Test
    void binaryAndVolatileBroadcastsCrossInBothDirections() throws Exception {
        byte[] bytes = {0, 1, 2, (byte) 255};
        java.sockets().emit("java-bin", (Object) bytes);
        assertThat(jb.await("java-bin").args().get(0).binaryValue()).isEqualTo(bytes);
        assertThat(node.clientGot("nb", "java-bin")
                        .get("args")
                        .get(0)
                        .get("base64")
                        .asText())
                .isEqualTo(Base64.getEncoder().encodeToString(bytes));
        node.run(Map.of(
                "op", "emit", "event", "node-bin", "binary", Base64.getEncoder().encodeToString(bytes)));
        assertThat(ja.await("node-bin").args().get(0).binaryValue()).isEqualTo(bytes);
        java.sockets().volatileOnly().emit("java-volatile");
        jb.await("java-volatile");
        node.clientGot("nb", "java-volatile");
    }

    @Test
    void fetchSocketsSeesEverySocketWithItsDataFromBothServers() throws Exception {
        List<RemoteSocket> all = java.sockets().fetchSockets().get(10, TimeUnit.SECONDS);
        assertThat(all).hasSize(4);
        assertThat(all)
                .extracting(s -> s.data().path("from").asText())
                .containsExactlyInAnyOrder("pulseio", "pulseio", "node", "node");
        assertThat(all).allSatisfy(s -> assertThat(s.rooms()).contains(s.id()));

        JsonNode fromNode = node.run(Map.of("op", "fetch"));
        assertThat(fromNode.get("sockets")).hasSize(4);
        List<String> origins = new ArrayList<>();
        fromNode.get("sockets")
                .forEach(s -> origins.add(s.path("data").path("from").asText()));
        assertThat(origins).containsExactlyInAnyOrder("pulseio", "pulseio", "node", "node");
    }

    @Test
    void serverSideEmitsWithAcksAreAnsweredInBothDirections() throws Exception {
        List<JsonNode> answers = java.sockets()
                .serverSideEmitWithAck(Duration.ofSeconds(5), "hello", "from-java")
                .get(10, TimeUnit.SECONDS);
        assertThat(answers).extracting(JsonNode::asText).containsExactly("node:from-java");
        JsonNode fromNode = node.run(Map.of("op", "serverSideEmitWithAck", "event", "hello", "arg", "from-node"));
        assertThat(fromNode.get("replies")).as(fromNode.toString()).hasToString("[\"pulseio:from-node\"]");
        assertThat(serverSide.poll(5, TimeUnit.SECONDS)).isEqualTo("hello [\"from-node\"]");
        java.sockets().serverSideEmit("hello", "no-ack");
        node.await(l -> "server-side".equals(l.path("ev").asText())
                && "no-ack".equals(l.path("arg").asText()));
    }

    @Test
    void broadcastsWithAcksCountAndCollectTheRepliesOfBothServers() throws Exception {
        List<AckReply> replies =
                java.sockets().emitWithAck(Duration.ofSeconds(5), "ask").get(10, TimeUnit.SECONDS);
        assertThat(replies)
                .extracting(r -> r.args().get(0).asText())
                .containsExactlyInAnyOrder("ja:ack", "jb:ack", "na:ack", "nb:ack");
        JsonNode fromNode = node.run(Map.of("op", "emitWithAck", "timeout", 5000, "event", "ask"));
        List<String> texts = new ArrayList<>();
        fromNode.get("replies").forEach(r -> texts.add(r.asText()));
        assertThat(texts).containsExactlyInAnyOrder("ja:ack", "jb:ack", "na:ack", "nb:ack");
    }

    @Test
    void remoteJoinLeaveAndDisconnectReachTheOtherServersSockets() throws Exception {
        node.run(Map.of("op", "socketsJoin", "rooms", List.of("blue")));
        node.run(Map.of("op", "fetch", "to", "blue")); // a round trip after the join request
        awaitSockets(java.sockets().in("blue"), 4);
        java.sockets().in("blue").socketsLeave("blue");
        awaitSockets(java.sockets().in("blue"), 0);

        node.run(Map.of("op", "disconnectSockets", "to", ja.socket.id()));
        ja.disconnected.get(10, TimeUnit.SECONDS);
        String nb = node.run(Map.of("op", "fetch")).get("sockets").findValuesAsText("id").stream()
                .filter(id -> !java.sockets().socket(id).isPresent() && !id.equals(jb.socket.id()))
                .findFirst()
                .orElseThrow();
        java.sockets().in(nb).disconnectSockets(true);
        node.await(l -> "client-disconnect".equals(l.path("ev").asText())
                && "nb".equals(l.path("name").asText()));
    }

    static void awaitSockets(io.pulseio.server.BroadcastOperator target, int count) throws Exception {
        for (int i = 0; i < 200; i++) {
            if (target.fetchSockets().get(10, TimeUnit.SECONDS).size() == count) {
                return;
            }
            Thread.sleep(25);
        }
        assertThat(target.fetchSockets().get(10, TimeUnit.SECONDS)).hasSize(count);
    }

    @Test
    void aKilledServerMakesNoRequestHangPastItsTimeout() throws Exception {
        node.kill();
        long start = System.nanoTime();
        CompletableFuture<List<RemoteSocket>> fetched = java.sockets().fetchSockets();
        try {
            // this server's sockets (the official client "na" ran in the killed process and may not
            // be gone yet), none of the killed server's
            assertThat(fetched.get(5, TimeUnit.SECONDS))
                    .extracting(RemoteSocket::id)
                    .contains(ja.socket.id())
                    .doesNotContain(jb.socket.id());
        } catch (ExecutionException e) {
            assertThat(e.getCause()).hasMessageContaining("timeout reached");
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
        awaitServerCount(java.sockets(), 1);
        java.sockets().emit("still-serving");
        ja.await("still-serving");
    }
}
