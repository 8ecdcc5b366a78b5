package io.pulseio.interop.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.pulseio.client.ClientListener;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.server.AckReply;
import io.pulseio.server.Namespace;
import io.pulseio.server.ServerOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Our client against our server, the same matrix as the official client's in a smaller form:
 * namespaces with auth and a refusal, acks and binary both ways, rooms with a broadcast collecting
 * acks, connection state recovery, and a reconnection after a server restart.
 */
class OwnClientTest {
    private static final long WAIT_S = 10;

    @RegisterExtension
    static final TestServer server =
            TestServer.perClass(ServerOptions.builder().connectionStateRecovery(Duration.ofSeconds(30)));

    /** What one socket went through: its connects (recovered or not), disconnects, errors, events. */
    private static final class Seen {
        final BlockingQueue<Boolean> connects = new LinkedBlockingQueue<>();
        final BlockingQueue<DisconnectReason> disconnects = new LinkedBlockingQueue<>();
        final CompletableFuture<List<JsonNode>> refused = new CompletableFuture<>();
        final BlockingQueue<String> events = new LinkedBlockingQueue<>();

        Seen(Socket socket, String... names) {
            socket.addListener(new SocketListener() {
                @Override
                public void onConnect() {
                    connects.add(socket.recovered());
                }

                @Override
                public void onDisconnect(DisconnectReason reason) {
                    disconnects.add(reason);
                }

                @Override
                public void onConnectError(String message, JsonNode data) {
                    refused.complete(List.of(
                            JsonNodeFactory.instance.textNode(message),
                            data == null ? JsonNodeFactory.instance.nullNode() : data));
                }
            });
            for (String name : names) {
                socket.on(
                        name,
                        (args, ack) -> events.add(
                                name + JsonNodeFactory.instance.arrayNode().addAll(args)));
            }
        }

        boolean connected() throws InterruptedException {
            Boolean recovered = connects.poll(WAIT_S, TimeUnit.SECONDS);
            assertThat(recovered).as("a connect within %d s", WAIT_S).isNotNull();
            return recovered;
        }

        String event() throws InterruptedException {
            String event = events.poll(WAIT_S, TimeUnit.SECONDS);
            assertThat(event).as("an event within %d s", WAIT_S).isNotNull();
            return event;
        }
    }

    private static <T> T await(CompletableFuture<T> future) throws Exception {
        return future.get(WAIT_S, TimeUnit.SECONDS);
    }

    private static JsonNode first(CompletableFuture<List<JsonNode>> ack) throws Exception {
        return await(ack).get(0);
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void namespacesCarryTheirAuthAndAMiddlewareRefusalArrivesWithItsData(ClientMode mode) throws Exception {
        try (SocketIoClient client = SocketIoClient.create(
                mode.ownOptions(server.url()).auth(Map.of("user", "ann")).build())) {
            Socket main = client.socket("/");
            Socket chat = client.socket("/chat");
            Socket secret = client.socket("/private");
            Seen mainSeen = new Seen(main, "auth");
            Seen chatSeen = new Seen(chat);
            Seen secretSeen = new Seen(secret);
            main.connect();
            chat.connect();
            secret.connect();

            assertThat(mainSeen.connected()).isFalse();
            assertThat(chatSeen.connected()).isFalse();
            assertThat(mainSeen.event()).isEqualTo("auth[{\"user\":\"ann\"}]");
            List<JsonNode> refusal = await(secretSeen.refused);
            assertThat(refusal.get(0).asText()).isEqualTo("private namespace");
            assertThat(refusal.get(1).path("code").asInt()).isEqualTo(403);
            JsonNode me = first(main.emitWithAck("whoami"));
            JsonNode meOnChat = first(chat.emitWithAck("whoami"));
            assertThat(meOnChat.path("nsp").asText()).isEqualTo("/chat");
            assertThat(meOnChat.path("auth").path("user").asText()).isEqualTo("ann");
            assertThat(meOnChat.path("address").asText())
                    .isEqualTo(me.path("address").asText());
        }
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void acksAndNestedBinaryTravelBothWays(ClientMode mode) throws Exception {
        try (SocketIoClient client =
                SocketIoClient.create(mode.ownOptions(server.url()).build())) {
            Socket socket = client.socket("/");
            Seen seen = new Seen(socket);
            socket.on(
                    "question",
                    (args, ack) -> ack.send(
                            "answer to " + args.get(0).asInt(),
                            Map.of("blob", new byte[] {1, 2, 3}, "list", List.of(new byte[] {4}, 5))));
            socket.connect();
            seen.connected();

            Map<String, Object> nested = new LinkedHashMap<>();
            nested.put("data", new byte[] {0, 1, (byte) 0xff});
            nested.put("parts", List.of(new byte[] {3}, Map.of("deep", new byte[0])));
            List<JsonNode> echo = await(socket.emitWithAck("echo", nested, new byte[] {(byte) 0xca}));
            assertThat(echo.get(0).path("data").binaryValue()).containsExactly(0, 1, 0xff);
            assertThat(echo.get(0).path("parts").path(1).path("deep").binaryValue())
                    .isEmpty();
            assertThat(echo.get(1).binaryValue()).containsExactly(0xca);

            JsonNode report = first(socket.emitWithAck("ask", Map.of("event", "question", "args", List.of(21))));
            assertThat(report.path("ok").asBoolean()).as("%s", report).isTrue();
            assertThat(report.path("response").path(0).asText()).isEqualTo("answer to 21");
            assertThat(report.path("buffers"))
                    .extracting(
                            b -> b.path("path").asText() + "=" + b.path("hex").asText())
                    .containsExactlyInAnyOrder("1.blob=010203", "1.list.0=04");

            CompletableFuture<List<JsonNode>> binary = new CompletableFuture<>();
            socket.on("binary", (args, ack) -> binary.complete(args));
            socket.emit("send-binary");
            List<JsonNode> sent = await(binary);
            assertThat(sent.get(0).path("data").binaryValue()).containsExactly(0, 1, 2);
            assertThat(sent.get(0).path("list").path(0).binaryValue()).containsExactly(100, 101, 102);
            assertThat(sent.get(0).path("list").path(1).path("deep").isBinary()).isTrue();
            assertThat(sent.get(0).path("list").path(3).asInt()).isEqualTo(42);
            assertThat(sent.get(1).binaryValue()).containsExactly(200, 201);
        }
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void roomBroadcastsReachTheRoomAndCollectEveryAck(ClientMode mode) throws Exception {
        try (SocketIoClient clientA =
                        SocketIoClient.create(mode.ownOptions(server.url()).build());
                SocketIoClient clientB =
                        SocketIoClient.create(mode.ownOptions(server.url()).build())) {
            String nsp = "/dyn-" + (500 + mode.ordinal());
            Socket a = clientA.socket(nsp);
            Socket b = clientB.socket(nsp);
            Seen seenA = new Seen(a, "hi", "end");
            Seen seenB = new Seen(b, "hi", "end");
            a.on("poll", (args, ack) -> ack.send("a says " + args.get(0).asText()));
            b.on("poll", (args, ack) -> ack.send("b says " + args.get(0).asText()));
            a.connect();
            b.connect();
            seenA.connected();
            seenB.connected();
            assertThat(first(a.emitWithAck("join", "red")).toString()).isEqualTo("[\"red\"]");
            first(b.emitWithAck("join", "red"));
            first(b.emitWithAck("join", "blue"));
            assertThat(first(b.emitWithAck("leave", "blue")).toString()).isEqualTo("[\"red\"]");

            first(a.emitWithAck("to", Map.of("to", List.of("red"), "event", "hi", "args", List.of("from a"))));
            Namespace namespace = server.server().namespace(nsp);
            namespace.to("blue").emit("hi", "to blue");
            List<AckReply> replies = await(namespace.to("red").emitWithAck(Duration.ofSeconds(5), "poll", "yes"));
            namespace.emit("end");

            assertThat(replies)
                    .extracting(r -> r.args().get(0).asText())
                    .containsExactlyInAnyOrder("a says yes", "b says yes");
            assertThat(replies).extracting(AckReply::socketId).containsExactlyInAnyOrder(a.id(), b.id());
            assertThat(seenB.event()).isEqualTo("hi[\"from a\"]");
            assertThat(seenB.event()).as("b left blue").isEqualTo("end[]");
            assertThat(seenA.event()).as("the sender is left out").isEqualTo("end[]");
        }
    }

    @ParameterizedTest
    @EnumSource(ClientMode.class)
    void theClientRecoversMissedEventsThenReconnectsAfterARestart(ClientMode mode) throws Exception {
        try (TestServer own =
                        TestServer.start(ServerOptions.builder().connectionStateRecovery(Duration.ofSeconds(30)));
                SocketIoClient client =
                        SocketIoClient.create(mode.ownOptions(own.url()).build())) {
            Socket socket = client.socket("/");
            Seen seen = new Seen(socket, "tick");
            CompletableFuture<Integer> reconnected = new CompletableFuture<>();
            client.addListener(new ClientListener() {
                @Override
                public void onReconnect(int attempt) {
                    reconnected.complete(attempt);
                }
            });
            socket.connect();
            assertThat(seen.connected()).isFalse();
            String id = socket.id();
            first(socket.emitWithAck("join", "news"));

            first(socket.emitWithAck("drop", Map.of("missed", Map.of("room", "news", "event", "tick", "count", 3))));
            assertThat(seen.disconnects.poll(WAIT_S, TimeUnit.SECONDS))
                    .isIn(DisconnectReason.TRANSPORT_CLOSE, DisconnectReason.TRANSPORT_ERROR);
            assertThat(seen.connected()).as("recovered").isTrue();
            assertThat(socket.id()).isEqualTo(id);
            assertThat(List.of(seen.event(), seen.event(), seen.event()))
                    .as("in order, the offset stripped")
                    .containsExactly("tick[0,\"tick-0\"]", "tick[1,\"tick-1\"]", "tick[2,\"tick-2\"]");
            assertThat(first(socket.emitWithAck("whoami")).path("rooms").toString())
                    .isEqualTo("[\"news\"]");

            own.restart();
            assertThat(seen.disconnects.poll(WAIT_S, TimeUnit.SECONDS))
                    .isIn(DisconnectReason.TRANSPORT_CLOSE, DisconnectReason.TRANSPORT_ERROR);
            assertThat(seen.connected())
                    .as("a new server knows nothing to recover")
                    .isFalse();
            assertThat(await(reconnected)).isPositive();
            JsonNode me = first(socket.emitWithAck("whoami"));
            assertThat(me.path("id").asText()).isEqualTo(socket.id()).isNotEqualTo(id);
        }
    }
}
