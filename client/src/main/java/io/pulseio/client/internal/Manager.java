package io.pulseio.client.internal;

import io.netty.channel.EventLoop;
import io.netty.handler.ssl.SslContext;
import io.pulseio.client.ClientListener;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketIoException;
import io.pulseio.client.Subscription;
import io.pulseio.client.Transport;
import io.pulseio.client.internal.engine.Engine;
import io.pulseio.client.internal.engine.EngineListener;
import io.pulseio.client.internal.engine.EngineOptions;
import io.pulseio.protocol.SocketPacket;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * The {@link SocketIoClient}: owns the Engine.IO session, multiplexes the namespaces over it,
 * decodes Socket.IO packets, and reconnects with backoff as the JavaScript client's Manager does.
 *
 * <p>Everything below the public methods runs on {@link #loop()}, the one event loop this client
 * lives on; the public methods hand tasks to it.
 */
public final class Manager implements SocketIoClient {

    /** Makes the Engine.IO session; tests give a fake one. */
    @FunctionalInterface
    public interface EngineFactory {
        Engine create(EngineOptions options, EventLoop loop, EngineListener listener);
    }

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final ClientOptions options;
    private final EventLoop loop;
    private final Runnable releaseThreads;
    private final Callbacks callbacks;
    private final RandomGenerator random;
    private final EngineOptions engineOptions;
    private final Connection connection;
    private final Reconnection reconnection;
    private final ConcurrentHashMap<String, SocketImpl> sockets = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<ClientListener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile Transport transport;

    // Loop only.
    /** The close has run on the loop (unlike {@link #closed}, set by the caller of close() at once). */
    private boolean closeRan;

    /**
     * The client {@code SocketIoClient.create} makes (by name, see {@code Implementations}): its
     * Engine.IO sessions are {@link Engine#create real ones}.
     *
     * @param options the client's options
     * @param loop the event loop that runs the client's state, engine and timers
     * @param releaseThreads run once on close to stop threads the client made, or null
     */
    public Manager(ClientOptions options, EventLoop loop, Runnable releaseThreads) {
        this(options, loop, Engine::create, releaseThreads);
    }

    /**
     * @param options the client's options
     * @param loop the event loop that runs the client's state, engine and timers
     * @param engines makes the Engine.IO session
     * @param releaseThreads run once on close to stop threads the client made, or null
     */
    public Manager(ClientOptions options, EventLoop loop, EngineFactory engines, Runnable releaseThreads) {
        this.options = Objects.requireNonNull(options, "options");
        this.loop = Objects.requireNonNull(loop, "loop");
        Objects.requireNonNull(engines, "engines");
        this.releaseThreads = releaseThreads;
        this.callbacks = new Callbacks(options.callbackExecutor());
        this.random = options.random() != null ? options.random() : new SplittableRandom();
        this.engineOptions = engineOptions(options, options.secure() ? TlsContexts.forOptions(options) : null);
        this.connection = new Connection(this, options, loop, engines, engineOptions);
        this.reconnection =
                new Reconnection(options, loop, newBackoff(), this::notifyListeners, closed::get, connection::open);
    }

    private static EngineOptions engineOptions(ClientOptions o, SslContext ssl) {
        List<String> transports =
                o.transports().stream().map(Transport::wireName).toList();
        long handshakeTimeout = o.connectTimeout().toMillis() + 1000;
        return new EngineOptions(
                o.secure(),
                o.host(),
                o.port(),
                o.path(),
                o.query(),
                o.headers(),
                transports,
                o.upgrade(),
                ssl,
                handshakeTimeout);
    }

    Backoff newBackoff() {
        return new Backoff(
                options.reconnectionDelay().toMillis(),
                options.reconnectionDelayMax().toMillis(),
                options.randomizationFactor(),
                random);
    }

    // ---- public API, any thread ----

    @Override
    public ClientOptions options() {
        return options;
    }

    @Override
    public Socket socket(String namespace) {
        Objects.requireNonNull(namespace, "namespace");
        if (!namespace.startsWith("/")) {
            throw new IllegalArgumentException("namespace must start with /, was \"" + namespace + "\"");
        }
        checkNotClosed();
        return sockets.computeIfAbsent(namespace, ns -> new SocketImpl(this, ns, newBackoff()));
    }

    @Override
    public Subscription addListener(ClientListener listener) {
        return Listeners.add(listeners, listener);
    }

    @Override
    public Transport transport() {
        return transport;
    }

    @Override
    public boolean isOpen() {
        return transport != null;
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        // The threads stop only once the engine has sent its goodbye (over polling: the DISCONNECTs,
        // then CLOSE in a POST of its own, each answered), or CLOSE_WAIT_SECONDS have passed.
        boolean onLoop = loop.inEventLoop();
        CountDownLatch released = new CountDownLatch(1);
        Runnable whenReleased = onLoop && releaseThreads != null ? releaseThreads : released::countDown;
        if (!execute(() -> onClientClose(whenReleased))) {
            callbacks.stop();
        } else if (onLoop) {
            return;
        } else {
            try {
                released.await(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (releaseThreads != null) {
            releaseThreads.run();
        }
    }

    @Override
    public String toString() {
        return "SocketIoClient[" + engineOptions.host() + ":" + engineOptions.port() + engineOptions.path()
                + (transport != null ? ", " + transport.wireName() : "") + (closed.get() ? ", closed" : "") + "]";
    }

    // ---- for sockets ----

    EventLoop loop() {
        return loop;
    }

    Callbacks callbacks() {
        return callbacks;
    }

    boolean isClosed() {
        return closed.get();
    }

    /**
     * On the loop: true once the close has run there. Tasks queued before {@link #close()} was
     * called (an emit, say) still see false and go out ahead of the DISCONNECT, as Socket.IO requires;
     * {@link #isClosed()} is already true for them.
     */
    boolean closeRanOnLoop() {
        return closeRan;
    }

    void checkNotClosed() {
        if (closed.get()) {
            throw new IllegalStateException("client closed");
        }
    }

    /** Runs a task on the loop; false when the loop no longer takes tasks. */
    boolean execute(Runnable task) {
        try {
            loop.execute(task);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    boolean isOpenState() {
        return connection.isOpen();
    }

    boolean engineWritable() {
        return connection.writable();
    }

    /**
     * Opens the connection unless it is open, opening, or waiting to reconnect (the reconnection
     * then joins the socket). True when it is open now.
     */
    boolean ensureOpen() {
        if (connection.isClosed() && !reconnection.waiting()) {
            connection.open();
        }
        return connection.isOpen();
    }

    /** A socket stopped wanting the connection: close it when none wants it any more. */
    void socketDeactivated() {
        for (SocketImpl s : sockets.values()) {
            if (s.isActive()) {
                return;
            }
        }
        reconnection.stop();
        connection.close();
    }

    /** Encodes and writes a packet built on the loop (CONNECT, DISCONNECT). */
    void write(SocketPacket packet) {
        connection.write(packet);
    }

    /** Writes a packet encoded on the application's thread. */
    void writeEncoded(Outgoing o) {
        connection.writeEncoded(o);
    }

    // ---- what the connection reports, on the loop ----

    void connectionOpening() {
        reconnection.allow();
    }

    void connectionOpened(Transport t) {
        transport = t;
        notifyListeners(l -> l.onOpen(t));
        for (SocketImpl s : sockets.values()) {
            s.onEngineOpen();
        }
        reconnection.onOpened();
    }

    void packetReceived(SocketPacket packet) {
        SocketImpl socket = sockets.get(packet.namespace());
        if (socket != null) {
            socket.onPacket(packet);
        }
    }

    void transportChanged(Transport t) {
        transport = t;
        notifyListeners(l -> l.onTransport(t));
    }

    void connectionLost(String reason, Throwable cause) {
        transport = null;
        notifyListeners(l -> l.onClose(reason, cause));
        DisconnectReason socketReason = socketReason(reason);
        for (SocketImpl s : sockets.values()) {
            s.onEngineClose(socketReason);
        }
        reconnection.onConnectionLost();
    }

    private static DisconnectReason socketReason(String engineReason) {
        if ("forced close".equals(engineReason)) {
            return DisconnectReason.IO_CLIENT_DISCONNECT;
        }
        if ("forced server close".equals(engineReason)) {
            return DisconnectReason.TRANSPORT_CLOSE;
        }
        DisconnectReason r = DisconnectReason.ofWireName(engineReason);
        return r != null ? r : DisconnectReason.TRANSPORT_ERROR;
    }

    void connectionFailed(SocketIoException error) {
        for (SocketImpl s : sockets.values()) {
            s.onEngineOpenFailed(error.getMessage());
        }
        reconnection.onOpenFailed(error);
    }

    private void onClientClose(Runnable whenReleased) {
        closeRan = true;
        reconnection.stop();
        for (SocketImpl s : sockets.values()) {
            s.onClientClose();
        }
        connection.close();
        callbacks.stop();
        connection.whenLeft(whenReleased);
    }

    private void notifyListeners(Consumer<ClientListener> call) {
        if (listeners.isEmpty()) {
            return;
        }
        callbacks.run(() -> {
            for (ClientListener l : listeners) {
                try {
                    call.accept(l);
                } catch (RuntimeException ex) {
                    Callbacks.listenerFailed(ex);
                }
            }
        });
    }
}
