package io.pulseio.client;

import java.util.Objects;

/**
 * A Socket.IO v4 client: one Engine.IO connection to one server, carrying any number of
 * namespaces ({@link Socket}s), with reconnection.
 *
 * <pre>{@code
 * try (SocketIoClient client = SocketIoClient.create(ClientOptions.builder("http://localhost:3000").build())) {
 *   Socket socket = client.socket("/");
 *   socket.on("hello", (args, ack) -> System.out.println(args));
 *   socket.connect();
 *   socket.emitWithAck("echo", "hi").thenAccept(System.out::println);
 * }
 * }</pre>
 *
 * <p><b>Lifecycle.</b> Creating a client opens nothing: the connection opens when the first socket
 * {@link Socket#connect() connects}, and closes when the last one disconnects. {@link #close()}
 * ends it for good: it disconnects every socket, closes the connection, fails pending acks, and
 * stops the event loop threads the client made (not those of a shared {@link EventLoops}).
 *
 * <p><b>Threads.</b> All methods may be called from any thread. The state of the connection lives
 * on one event loop thread; listeners run on {@link ClientOptions#callbackExecutor()}.
 */
public interface SocketIoClient extends AutoCloseable {
    /**
     * Creates a client. Nothing is opened until a socket connects.
     *
     * @throws IllegalArgumentException when a TLS file in the options cannot be read
     */
    static SocketIoClient create(ClientOptions options) {
        Objects.requireNonNull(options, "options");
        EventLoops loops = options.eventLoops();
        boolean owned = loops == null;
        if (owned) {
            loops = EventLoops.create(1);
        }
        try {
            return Implementations.client(options, loops.group().next(), owned ? loops::close : null);
        } catch (RuntimeException e) {
            if (owned) {
                loops.close();
            }
            throw e;
        }
    }

    /** Creates a client with default options for {@code url} (e.g. {@code http://localhost:3000}). */
    static SocketIoClient create(String url) {
        return create(ClientOptions.builder(url).build());
    }

    /** The options this client was created with. */
    ClientOptions options();

    /**
     * The socket of a namespace, created on first use (not connected); the same object for the same
     * namespace afterwards.
     *
     * @param namespace starts with {@code /}, e.g. {@code "/"} or {@code "/admin"}
     * @throws IllegalArgumentException when the namespace does not start with {@code /}
     * @throws IllegalStateException when the client is closed
     */
    Socket socket(String namespace);

    /** The socket of the default namespace {@code /}. */
    default Socket socket() {
        return socket("/");
    }

    /** Listens to the connection's lifecycle and reconnection. */
    Subscription addListener(ClientListener listener);

    /** The current transport, or null when the connection is not open. */
    Transport transport();

    /** True when the Engine.IO connection is open. */
    boolean isOpen();

    /**
     * Closes the client for good (see the class comment). Idempotent. When called from a thread
     * other than the client's event loop, waits (a few seconds at most) until the sockets are
     * disconnected and the threads the client made have stopped. Afterwards {@link #socket} and
     * {@link Socket#connect()} throw {@link IllegalStateException}, {@link Socket#emitWithAck}
     * futures fail with {@link SocketIoException} {@code "client closed"}, other emits are dropped,
     * and no listener is called.
     */
    @Override
    void close();
}
