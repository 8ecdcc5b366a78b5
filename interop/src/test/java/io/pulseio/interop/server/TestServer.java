package io.pulseio.interop.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.server.Ack;
import io.pulseio.server.BroadcastOperator;
import io.pulseio.server.ConnectionRefusedException;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.Namespace;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.ServerSocket;
import io.pulseio.server.SocketIoServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Our server ({@link SocketIoServer}) on a free loopback port with the behaviours the interop
 * tests drive, close to those of {@code fixtures/server.js} so that scenarios read the same.
 *
 * <p>Namespaces: {@code /}, {@code /chat}, {@code /admin}, and any {@code /dyn-<digits>}
 * (dynamic) accept everyone; {@code /private} is refused by an asynchronous middleware with
 * message {@code private namespace} and data {@code {"code":403,"hint":...}} unless the auth is
 * {@code {"token":"open-sesame"}}. On connection every socket is sent {@code auth(handshake
 * auth)}. Events (answered through the ack when one is asked):
 *
 * <ul>
 *   <li>{@code whoami}: {@code {id, nsp, auth, transport, recovered, address, rooms}}
 *       ({@code address}: the peer of the request that opened the Engine.IO session)
 *   <li>{@code echo ...args}: the same arguments
 *   <li>{@code inspect ...args}: {@code {shape, buffers}}: each binary as {@code {"$hex"}} in
 *       {@code shape} and as {@code {path, hex}} in {@code buffers}
 *   <li>{@code send-binary}: emits {@code binary({label, data:[0,1,2], list:[[100,101,102],
 *       {deep:[]}, "text", 42]}, [200,201])}
 *   <li>{@code ask {event, args, timeoutMs}}: emits {@code event(...args)} asking the client for
 *       an ack; answers {@code {ok:true, response, buffers}} or {@code {ok:false, error}}
 *   <li>{@code join room}, {@code leave room}: answers the socket's rooms, sorted
 *   <li>{@code to {to:[rooms], except:[rooms], event, args}}: emits through the socket (so
 *       never to itself) to the rooms, or to every other socket when {@code to} is empty
 *   <li>{@code record value}: appends the value to the socket's record, answers its length;
 *       {@code records}: answers the record, in arrival order
 *   <li>{@code stream {event, count, intervalMs}}: emits {@code event(i)} for i = 0..count-1,
 *       one every {@code intervalMs} (default 5) from a timer thread; answers {@code count}
 *       after the last
 *   <li>{@code large {text, binary}}: emits {@code large(<text of that many characters>, <that
 *       many bytes>)} asking for an ack; answers {@code {ok, same}}: whether the client
 *       acknowledged with exactly the same text and bytes (a client that echoes acks does)
 *   <li>{@code signal name}: counts a signal the test waits for ({@link #awaitSignals})
 *   <li>{@code drop [{missed:{room, event, count}}]}: answers, then closes the Engine.IO
 *       connection without a DISCONNECT packet (reason {@code forced close}, recoverable); with
 *       {@code missed}, once the socket is gone emits {@code count} events
 *       {@code event(i, "<event>-<i>")} to the room
 *   <li>{@code disconnect-me}: answers, then disconnects the socket from the namespace
 * </ul>
 *
 * <p>Server-side disconnects are counted as signals {@code disconnect:<reason>}.
 *
 * <p>For a whole test class: {@code @RegisterExtension static final TestServer server =
 * TestServer.perClass();} starts it before the first test and closes it after the last.
 */
final class TestServer implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    static final HexFormat HEX = HexFormat.of();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final ServerOptions options;
    private final Signals signals = new Signals();
    private final List<EngineSocket> sessions = new CopyOnWriteArrayList<>();
    private final Map<String, List<JsonNode>> records = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "test server timer");
        t.setDaemon(true);
        return t;
    });
    private volatile SocketIoServer server;
    private volatile int port;

    private TestServer(ServerOptions options) {
        this.options = options;
    }

    /** Starts a server with these options on a free loopback port. */
    static TestServer start(ServerOptions.Builder options) {
        TestServer test = perClass(options);
        test.port = test.open(0);
        return test;
    }

    static TestServer start() {
        return start(ServerOptions.builder());
    }

    /**
     * A server not started yet, for a test class's {@code @RegisterExtension} field: it starts before
     * the class's first test and is closed after its last.
     */
    static TestServer perClass(ServerOptions.Builder options) {
        return new TestServer(options.host("127.0.0.1").ioThreads(2).build());
    }

    static TestServer perClass() {
        return perClass(ServerOptions.builder());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        port = open(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    private int open(int onPort) {
        SocketIoServer s =
                SocketIoServer.create(options.toBuilder().port(onPort).build());
        s.engine().onConnection(session -> {
            sessions.removeIf(e -> !e.isOpen());
            sessions.add(session);
        });
        for (String name : List.of("/", "/chat", "/admin")) {
            behave(s.namespace(name));
        }
        behave(s.namespaces(Pattern.compile("/dyn-\\d+")));
        Namespace secret = s.namespace("/private");
        secret.use(socket -> CompletableFuture.runAsync(() -> {
            if (!socket.handshake().auth().path("token").asText().equals("open-sesame")) {
                throw new ConnectionRefusedException(
                        "private namespace", JSON.objectNode().put("code", 403).put("hint", "send the token"));
            }
        }));
        behave(secret);
        server = s;
        return s.start();
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    SocketIoServer server() {
        return server;
    }

    Signals signals() {
        return signals;
    }

    /** Waits until {@code count} signals {@code name} arrived in all. */
    void awaitSignals(String name, int count) throws InterruptedException {
        signals.await(name, count, Duration.ofSeconds(10));
    }

    /** Stops the server (its clients see the connection close) and starts another on the same port. */
    void restart() {
        server.close();
        open(port);
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
        timer.shutdownNow();
    }

    /** Closes the Engine.IO connection of this socket (and of its other namespaces). */
    void dropTransport(ServerSocket socket) {
        String address = socket.handshake().address();
        for (EngineSocket session : sessions) {
            if (session.isOpen() && session.remoteAddress().equals(address)) {
                session.close();
                return;
            }
        }
        throw new IllegalStateException("no open Engine.IO session from " + address);
    }

    private void behave(Namespace nsp) {
        nsp.onConnection(socket -> {
            socket.emit("auth", socket.handshake().auth());
            socket.onDisconnect(reason -> signals.add("disconnect:" + reason.reason()));
            socket.onAny((event, args, ack) -> {
                JsonNode first = args.isEmpty() ? JSON.nullNode() : args.get(0);
                switch (event) {
                    case "whoami" -> answer(ack, whoami(socket));
                    case "echo" -> answer(ack, args.toArray());
                    case "inspect" -> answer(ack, inspect(args));
                    case "send-binary" -> {
                        socket.emit("binary", binaryPayload(), new byte[] {(byte) 200, (byte) 201});
                        answer(ack, JSON.objectNode().put("sent", true));
                    }
                    case "ask" -> ask(socket, first, ack);
                    case "join" -> {
                        socket.join(first.asText());
                        answer(ack, rooms(socket));
                    }
                    case "leave" -> {
                        socket.leave(first.asText());
                        answer(ack, rooms(socket));
                    }
                    case "to" -> {
                        BroadcastOperator op =
                                first.path("to").isEmpty() ? socket.broadcast() : socket.to(strings(first.path("to")));
                        if (!first.path("except").isEmpty()) {
                            op = op.except(strings(first.path("except")));
                        }
                        op.emit(
                                first.path("event").asText(),
                                spread(first.path("args")).toArray());
                        answer(ack, JSON.objectNode().put("sent", true));
                    }
                    case "record" -> {
                        List<JsonNode> record =
                                records.computeIfAbsent(socket.id(), id -> new CopyOnWriteArrayList<>());
                        record.add(first);
                        answer(ack, record.size());
                    }
                    case "records" ->
                        answer(ack, JSON.arrayNode().addAll(records.getOrDefault(socket.id(), List.of())));
                    case "stream" -> stream(socket, first, ack);
                    case "large" -> large(socket, first, ack);
                    case "signal" -> {
                        signals.add(first.asText());
                        answer(ack, first);
                    }
                    case "drop" -> drop(socket, first, ack);
                    case "disconnect-me" -> {
                        answer(ack, JSON.objectNode().put("ok", true));
                        socket.disconnect(false);
                    }
                    default -> {}
                }
            });
        });
    }

    private static void answer(Ack ack, Object... args) {
        if (ack != null) {
            ack.send(args);
        }
    }

    private ObjectNode whoami(ServerSocket socket) {
        ObjectNode me = JSON.objectNode();
        me.put("id", socket.id());
        me.put("nsp", socket.namespace().name());
        me.set("auth", socket.handshake().auth());
        me.put("transport", socket.transport().wireName());
        me.put("recovered", socket.recovered());
        me.put("address", socket.handshake().address());
        me.set("rooms", rooms(socket));
        return me;
    }

    private static ArrayNode rooms(ServerSocket socket) {
        ArrayNode rooms = JSON.arrayNode();
        new TreeSet<>(socket.rooms())
                .stream().filter(r -> !r.equals(socket.id())).forEach(rooms::add);
        return rooms;
    }

    private static String[] strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out.toArray(String[]::new);
    }

    private static List<JsonNode> spread(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private void ask(ServerSocket socket, JsonNode request, Ack ack) {
        Duration timeout = Duration.ofMillis(request.path("timeoutMs").asLong(3000));
        socket.emitWithAck(
                        timeout,
                        request.path("event").asText(),
                        spread(request.path("args")).toArray())
                .whenComplete((response, error) -> {
                    ObjectNode report = JSON.objectNode();
                    if (error != null) {
                        report.put("ok", false)
                                .put("error", error.getClass().getSimpleName() + ": " + error.getMessage());
                    } else {
                        ArrayNode array = JSON.arrayNode().addAll(response);
                        report.put("ok", true);
                        report.set("response", hexed(array));
                        report.set("buffers", buffers(response));
                    }
                    answer(ack, report);
                });
    }

    private static void large(ServerSocket socket, JsonNode request, Ack ack) {
        String text = "x".repeat(request.path("text").asInt());
        byte[] bytes = new byte[request.path("binary").asInt()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        socket.emitWithAck(Duration.ofSeconds(10), "large", text, bytes).whenComplete((response, error) -> {
            ObjectNode report = JSON.objectNode().put("ok", error == null);
            report.put(
                    "same",
                    error == null
                            && response.size() == 2
                            && response.get(0).asText().equals(text)
                            && response.get(1).isBinary()
                            && java.util.Arrays.equals(binary(response.get(1)), bytes));
            answer(ack, report);
        });
    }

    private void stream(ServerSocket socket, JsonNode request, Ack ack) {
        int count = request.path("count").asInt();
        long interval = request.path("intervalMs").asLong(5);
        String event = request.path("event").asText();
        for (int i = 0; i < count; i++) {
            int n = i;
            timer.schedule(
                    () -> {
                        socket.emit(event, n);
                        if (n == count - 1) {
                            answer(ack, count);
                        }
                    },
                    interval * (i + 1),
                    TimeUnit.MILLISECONDS);
        }
    }

    private void drop(ServerSocket socket, JsonNode request, Ack ack) {
        JsonNode missed = request.path("missed");
        if (missed.isObject()) {
            Namespace nsp = socket.namespace();
            String room = missed.path("room").asText(socket.id());
            socket.onDisconnect(reason -> {
                for (int i = 0; i < missed.path("count").asInt(); i++) {
                    String event = missed.path("event").asText();
                    nsp.to(room).emit(event, i, event + "-" + i);
                }
            });
        }
        answer(ack, JSON.objectNode().put("ok", true));
        dropTransport(socket);
    }

    /** {label, data:[0,1,2], list:[[100,101,102], {deep:[]}, "text", 42]} with the arrays as binary. */
    static ObjectNode binaryPayload() {
        ObjectNode payload = JSON.objectNode();
        payload.put("label", "from-server");
        payload.put("data", new byte[] {0, 1, 2});
        ArrayNode list = payload.putArray("list");
        list.add(JSON.binaryNode(new byte[] {100, 101, 102}));
        list.addObject().put("deep", new byte[0]);
        list.add("text");
        list.add(42);
        return payload;
    }

    /** {shape, buffers} of the arguments (see the class comment). */
    static ObjectNode inspect(List<JsonNode> args) {
        ArrayNode array = JSON.arrayNode().addAll(args);
        ObjectNode report = JSON.objectNode();
        report.set("shape", hexed(array));
        report.set("buffers", buffers(args));
        return report;
    }

    /** A copy with every binary node replaced by {@code {"$hex": ...}}. */
    static JsonNode hexed(JsonNode node) {
        if (node.isBinary()) {
            return JSON.objectNode().put("$hex", HEX.formatHex(binary(node)));
        }
        if (node.isArray()) {
            ArrayNode out = JSON.arrayNode();
            node.forEach(n -> out.add(hexed(n)));
            return out;
        }
        if (node.isObject()) {
            ObjectNode out = JSON.objectNode();
            node.fields().forEachRemaining(e -> out.set(e.getKey(), hexed(e.getValue())));
            return out;
        }
        return node;
    }

    /** Every binary node as {@code {path, hex}}, paths like {@code 0.list.1.deep}. */
    static ArrayNode buffers(List<JsonNode> args) {
        ArrayNode out = JSON.arrayNode();
        for (int i = 0; i < args.size(); i++) {
            collect(args.get(i), Integer.toString(i), out);
        }
        return out;
    }

    private static void collect(JsonNode node, String path, ArrayNode out) {
        if (node.isBinary()) {
            out.addObject().put("path", path).put("hex", HEX.formatHex(binary(node)));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), path + "." + i, out);
            }
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> collect(e.getValue(), path + "." + e.getKey(), out));
        }
    }

    private static byte[] binary(JsonNode node) {
        try {
            return node.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Named counters the tests wait on. */
    static final class Signals {
        private final Map<String, Integer> counts = new HashMap<>();

        synchronized void add(String name) {
            counts.merge(name, 1, Integer::sum);
            notifyAll();
        }

        synchronized int count(String name) {
            return counts.getOrDefault(name, 0);
        }

        synchronized void await(String name, int count, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (count(name) < count) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(
                            "expected " + count + " × " + name + " within " + timeout + ", saw " + counts);
                }
                TimeUnit.NANOSECONDS.timedWait(this, left);
            }
        }
    }
}
