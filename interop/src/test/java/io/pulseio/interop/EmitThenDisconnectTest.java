package io.pulseio.interop;

import static io.pulseio.interop.Waits.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An event emitted just before the client leaves reaches the server's listeners: Socket.IO hands
 * the server every packet sent before a DISCONNECT (or before the connection's CLOSE) first.
 * {@code pulseio emit} without {@code --ack} does exactly this: connect, emit, disconnect at once.
 *
 * <p>Each case repeats the emit-and-leave a bounded number of times per transport mode (over
 * polling-then-upgrade with a few milliseconds of varying delay, so that some emits are issued
 * while the upgrade is in progress), then checks that the server saw every marker.
 */
class EmitThenDisconnectTest {
    private static final int ROUNDS = 20;
    /** Rounds of the official client, each a Node process: fewer. */
    private static final int NODE_ROUNDS = 5;

    /** How the client leaves right after the emit. */
    enum Leave {
        /** {@code socket.disconnect()} then {@code client.close()}, as {@code pulseio emit} does. */
        DISCONNECT,
        /** {@code client.close()} alone. */
        CLOSE
    }

    private static NodeServer node;
    private static SocketIoClient observerClient;
    /** Markers the Node server broadcast to the observer room. */
    private static final Set<String> seenByObserver = ConcurrentHashMap.newKeySet();

    private static SocketIoServer own;
    private static int ownPort;
    /** Markers our server's listeners received. */
    private static final Set<String> seenByOwn = ConcurrentHashMap.newKeySet();

    @BeforeAll
    static void startServers() throws Exception {
        node = NodeServer.start();
        observerClient = SocketIoClient.create(Mode.WEBSOCKET.options(node).build());
        Socket observer = observerClient.socket("/");
        observer.on("seen", (args, ack) -> seenByObserver.add(args.get(0).asText()));
        CompletableFuture<Void> joined = connected(observer);
        observer.connect();
        joined.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        Waits.await(observer.emitWithAck("join", "observers"));

        own = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        own.sockets()
                .onConnection(socket -> socket.on(
                        "record", (args, ack) -> seenByOwn.add(args.get(0).asText())));
        ownPort = own.start();
    }

    @AfterAll
    static void stopServers() {
        if (observerClient != null) {
            observerClient.close();
        }
        if (node != null) {
            node.close();
        }
        if (own != null) {
            own.close();
        }
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Mode mode : Mode.values()) {
            for (Leave leave : Leave.values()) {
                cases.add(Arguments.of(mode, leave));
            }
        }
        return cases;
    }

    /** The modes that end up writing over a WebSocket. */
    static List<Arguments> webSocketCases() {
        List<Arguments> cases = new ArrayList<>();
        for (Mode mode : new Mode[] {Mode.WEBSOCKET, Mode.UPGRADE}) {
            for (Leave leave : Leave.values()) {
                cases.add(Arguments.of(mode, leave));
            }
        }
        return cases;
    }

    /**
     * socket.io 4.8.4 hands an EVENT to its listeners a {@code process.nextTick} later
     * ({@code Socket.dispatch}) and ignores it if a DISCONNECT (or the connection's close) read in
     * the same tick has disconnected the socket meanwhile (open upstream issue socketio/socket.io#5213).
     * Our client therefore sends a namespace DISCONNECT, and the final CLOSE, apart from the packets
     * before them: over polling in a POST of their own once the previous POST was answered, which the
     * server cannot read in the same tick.
     */
    @ParameterizedTest
    @EnumSource(Leave.class)
    void anEventEmittedJustBeforeLeavingReachesTheOfficialServerOverPolling(Leave leave) throws Exception {
        emitAndLeaveTheOfficialServer(Mode.POLLING, leave);
    }

    /**
     * Disabled: over WebSocket the DISCONNECT is written once the EVENT's frame has been flushed to
     * the socket and one more event-loop turn has passed, but the server may still read both frames
     * in one chunk and handle them in one tick (socketio/socket.io#5213, see above). Measured against
     * this fixture, three runs: WEBSOCKET loses 3 to 7 of 20 per case (was 17 of 20 with the
     * DISCONNECT in the same flush); UPGRADE loses 0 or 1 of 20. The official client loses about 3 %.
     */
    @org.junit.jupiter.api.Disabled(
            "socket.io 4.8.4 drops events read in the same tick as the DISCONNECT (socketio/socket.io#5213); over WebSocket the client can only make that less likely")
    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("webSocketCases")
    void anEventEmittedJustBeforeLeavingReachesTheOfficialServerOverWebSocket(Mode mode, Leave leave) throws Exception {
        emitAndLeaveTheOfficialServer(mode, leave);
    }

    private static void emitAndLeaveTheOfficialServer(Mode mode, Leave leave) throws Exception {
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            String marker = "node-" + mode + "-" + leave + "-" + i;
            markers.add(marker);
            emitAndLeave(
                    mode.options(node).build(),
                    mode,
                    i,
                    leave,
                    socket -> socket.emit(
                            "broadcast", Map.of("room", "observers", "event", "seen", "args", List.of(marker))));
        }
        assertAllSeen(markers, seenByObserver);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void anEventEmittedJustBeforeLeavingReachesOurServer(Mode mode, Leave leave) throws Exception {
        List<String> markers = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            String marker = "own-" + mode + "-" + leave + "-" + i;
            markers.add(marker);
            emitAndLeave(ownOptions(mode), mode, i, leave, socket -> socket.emit("record", marker));
        }
        assertAllSeen(markers, seenByOwn);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void anEventTheOfficialClientEmitsJustBeforeLeavingReachesOurServer(Mode mode) throws Exception {
        List<String> markers = new ArrayList<>();
        Map<String, Object> options = Map.of(
                "transports",
                switch (mode) {
                    case POLLING -> List.of("polling");
                    case WEBSOCKET -> List.of("websocket");
                    case UPGRADE -> List.of("polling", "websocket");
                });
        for (int i = 0; i < NODE_ROUNDS; i++) {
            for (Leave leave : Leave.values()) {
                String marker = "official-" + mode + "-" + leave + "-" + i;
                markers.add(marker);
                // The sleep keeps the process alive while its last writes go out (process.exit drops them).
                NodeClient.Result result = NodeClient.run(
                        "http://127.0.0.1:" + ownPort,
                        options,
                        List.of(
                                Map.of("wait", "connect"),
                                Map.of("emit", "record", "args", List.of(marker)),
                                leave == Leave.DISCONNECT ? Map.of("disconnect", true) : Map.of("close", true),
                                Map.of("sleep", 200)),
                        WAIT);
                assertThat(result.succeeded())
                        .as("official client: %s %s", result.lines(), result.stderr())
                        .isTrue();
            }
        }
        assertAllSeen(markers, seenByOwn);
    }

    private static ClientOptions ownOptions(Mode mode) {
        Transport[] transports = switch (mode) {
            case POLLING -> new Transport[] {Transport.POLLING};
            case WEBSOCKET -> new Transport[] {Transport.WEBSOCKET};
            case UPGRADE -> new Transport[] {Transport.POLLING, Transport.WEBSOCKET};
        };
        return ClientOptions.builder("http://127.0.0.1:" + ownPort)
                .transports(transports)
                .upgrade(mode == Mode.UPGRADE)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Connects, waits for the namespace, emits, and leaves at once. */
    private static void emitAndLeave(
            ClientOptions options, Mode mode, int round, Leave leave, java.util.function.Consumer<Socket> emit)
            throws Exception {
        SocketIoClient client = SocketIoClient.create(options);
        try {
            Socket socket = client.socket("/");
            CompletableFuture<Void> joined = connected(socket);
            socket.connect();
            joined.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            if (mode == Mode.UPGRADE && round % 5 != 0) {
                Thread.sleep(round % 5); // 1-4 ms: somewhere in the probe and the upgrade
            }
            emit.accept(socket);
            if (leave == Leave.DISCONNECT) {
                socket.disconnect();
            }
        } finally {
            client.close();
        }
    }

    private static CompletableFuture<Void> connected(Socket socket) {
        CompletableFuture<Void> joined = new CompletableFuture<>();
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                joined.complete(null);
            }

            @Override
            public void onConnectError(String message, JsonNode data) {
                joined.completeExceptionally(new AssertionError("connect error: " + message));
            }
        });
        return joined;
    }

    /** Waits (bounded) until every marker arrived, then names the missing ones. */
    private static void assertAllSeen(List<String> markers, Set<String> seen) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!seen.containsAll(markers) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        Set<String> missing = new LinkedHashSet<>(markers);
        missing.removeAll(seen);
        assertThat(missing)
                .as("markers the server never received, of %s", markers.size())
                .isEmpty();
    }
}
