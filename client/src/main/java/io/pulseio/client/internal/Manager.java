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
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.Handshake;
import io.pulseio.protocol.ProtocolException;
import io.pulseio.protocol.SocketDecoder;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link SocketIoClient}: owns the Engine.IO session, multiplexes the namespaces over it,
 * decodes Socket.IO packets, and reconnects with backoff as the JavaScript client's Manager does.
 *
 * <p>Everything below the public methods runs on {@link #loop()}, the one event loop this client
 * lives on; the public methods hand tasks to it.
 */
public final class Manager implements SocketIoClient {
  private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.client");

  /** Makes the Engine.IO session; tests give a fake one. */
  @FunctionalInterface
  public interface EngineFactory {
    Engine create(EngineOptions options, EventLoop loop, EngineListener listener);
  }

  private static final long CLOSE_WAIT_SECONDS = 5;

  private enum State { CLOSED, OPENING, OPEN }

  private final ClientOptions options;
  private final EventLoop loop;
  private final EngineFactory engines;
  private final Runnable releaseThreads;
  private final Callbacks callbacks;
  private final RandomGenerator random;
  private final EngineOptions engineOptions;
  private final Reconnection reconnection;
  private final ConcurrentHashMap<String, SocketImpl> sockets = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<ClientListener> listeners = new CopyOnWriteArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();

  private volatile Transport transport;

  // Loop only.
  private State state = State.CLOSED;
  private Engine engine;
  /** The engine closed last at our request: it may still be sending its goodbye. */
  private Engine leaving;
  private SocketDecoder decoder;
  private ScheduledFuture<?> openTimer;
  private boolean websocketWorked;
  /** The close has run on the loop (unlike {@link #closed}, set by the caller of close() at once). */
  private boolean closeRan;

  /**
   * @param options the client's options
   * @param loop the event loop that runs the client's state, engine and timers
   * @param engines makes the Engine.IO session
   * @param releaseThreads run once on close to stop threads the client made, or null
   */
  public Manager(ClientOptions options, EventLoop loop, EngineFactory engines, Runnable releaseThreads) {
    this.options = Objects.requireNonNull(options, "options");
    this.loop = Objects.requireNonNull(loop, "loop");
    this.engines = Objects.requireNonNull(engines, "engines");
    this.releaseThreads = releaseThreads;
    this.callbacks = new Callbacks(options.callbackExecutor());
    this.random = options.random() != null ? options.random() : new SplittableRandom();
    this.engineOptions = engineOptions(options, options.secure() ? TlsContexts.forOptions(options) : null);
    this.reconnection = new Reconnection(options, loop, newBackoff(), this::notifyListeners, closed::get, this::open);
  }

  private static EngineOptions engineOptions(ClientOptions o, SslContext ssl) {
    List<String> transports = o.transports().stream().map(Transport::wireName).toList();
    long handshakeTimeout = o.connectTimeout().toMillis() + 1000;
    return new EngineOptions(o.secure(), o.host(), o.port(), o.path(), o.query(), o.headers(),
        transports, o.upgrade(), ssl, handshakeTimeout);
  }

  Backoff newBackoff() {
    return new Backoff(options.reconnectionDelay().toMillis(), options.reconnectionDelayMax().toMillis(),
        options.randomizationFactor(), random);
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
    return state == State.OPEN;
  }

  boolean engineWritable() {
    return state == State.OPEN && engine.writable();
  }

  /**
   * Opens the connection unless it is open, opening, or waiting to reconnect (the reconnection
   * then joins the socket). True when it is open now.
   */
  boolean ensureOpen() {
    if (state == State.CLOSED && !reconnection.waiting()) {
      open();
    }
    return state == State.OPEN;
  }

  /** A socket stopped wanting the connection: close it when none wants it any more. */
  void socketDeactivated() {
    for (SocketImpl s : sockets.values()) {
      if (s.isActive()) {
        return;
      }
    }
    reconnection.stop();
    closeEngine();
  }

  /** Closes the engine at our own request ("forced close"): no reconnection follows. */
  private void closeEngine() {
    Engine e = engine;
    if (state == State.OPEN) {
      onEngineClosed("forced close", null);
    } else if (state == State.OPENING) {
      engine = null;
      cancel(openTimer);
      openTimer = null;
      state = State.CLOSED;
      decoder = null;
    }
    if (e != null) {
      leaving = e;
      e.close();
    }
  }

  /** Encodes and writes a packet built on the loop (CONNECT, DISCONNECT). */
  void write(SocketPacket packet) {
    if (state != State.OPEN) {
      return;
    }
    EncodedPacket encoded = SocketEncoder.encode(packet);
    if (packet.type() == SocketPacketType.DISCONNECT) {
      // Apart from the packets before it: socket.io 4.8 drops an EVENT read in the same tick as
      // its namespace's DISCONNECT (socketio/socket.io#5213).
      engine.sendApart(EnginePacket.message(encoded.text()));
    } else {
      engine.send(EnginePacket.message(encoded.text()));
    }
    for (byte[] attachment : encoded.attachments()) {
      engine.send(EnginePacket.binary(attachment));
    }
  }

  /** Writes a packet encoded on the application's thread. */
  void writeEncoded(Outgoing o) {
    if (state != State.OPEN) {
      return;
    }
    engine.send(o.text);
    for (byte[] attachment : o.attachments) {
      engine.send(EnginePacket.binary(attachment));
    }
  }

  // ---- the connection, on the loop ----

  private void open() {
    if (closed.get() || state != State.CLOSED) {
      return;
    }
    EngineOptions opts = engineOptions;
    if (options.rememberUpgrade() && websocketWorked && opts.transports().contains("websocket")) {
      opts = new EngineOptions(opts.secure(), opts.host(), opts.port(), opts.path(), opts.query(),
          opts.headers(), List.of("websocket"), false, opts.sslContext(), opts.handshakeTimeoutMillis());
    }
    Events events = new Events();
    Engine e = engines.create(opts, loop, events);
    events.engine = e;
    engine = e;
    state = State.OPENING;
    reconnection.allow();
    decoder = new SocketDecoder();
    openTimer = loop.schedule(() -> onOpenTimeout(e), options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
    e.open();
  }

  private void onOpenTimeout(Engine e) {
    openTimer = null;
    if (engine != e || state != State.OPENING) {
      return;
    }
    engine = null;
    e.close();
    onOpenFailed(new SocketIoException("timeout"));
  }

  private void onOpen(Handshake handshake, String transportName) {
    cancel(openTimer);
    openTimer = null;
    state = State.OPEN;
    Transport t = Transport.ofWireName(transportName);
    transport = t;
    if (t == Transport.WEBSOCKET) {
      websocketWorked = true;
    }
    LOG.debug("connected to {} (sid {}, {})", engineOptions.host(), handshake.sid(), transportName);
    notifyListeners(l -> l.onOpen(t));
    for (SocketImpl s : sockets.values()) {
      s.onEngineOpen();
    }
    reconnection.onOpened();
  }

  private void onMessage(EnginePacket message) {
    SocketPacket packet;
    try {
      packet = message.isBinary() ? decoder.decodeBinary(message.binary()) : decoder.decode(message.text());
    } catch (ProtocolException e) {
      LOG.debug("closing the connection: {}", e.getMessage());
      Engine current = engine;
      onEngineClosed("parse error", e);
      if (current != null) {
        current.close();
      }
      return;
    }
    if (packet == null) {
      return;
    }
    SocketImpl socket = sockets.get(packet.namespace());
    if (socket != null) {
      socket.onPacket(packet);
    }
  }

  private void onTransport(String name) {
    Transport t = Transport.ofWireName(name);
    transport = t;
    if (t == Transport.WEBSOCKET) {
      websocketWorked = true;
    }
    notifyListeners(l -> l.onTransport(t));
  }

  /** The engine ended (or we ended it): before open, a failed attempt; after, a lost connection. */
  private void onEngineClosed(String reason, Throwable cause) {
    if (state == State.OPENING) {
      engine = null;
      String message = cause == null || cause.getMessage() == null ? reason : reason + ": " + cause.getMessage();
      onOpenFailed(new SocketIoException(message, cause));
      return;
    }
    if (state != State.OPEN) {
      return;
    }
    engine = null;
    state = State.CLOSED;
    transport = null;
    decoder = null;
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

  private void onOpenFailed(SocketIoException error) {
    cancel(openTimer);
    openTimer = null;
    state = State.CLOSED;
    decoder = null;
    LOG.debug("connection to {} failed: {}", engineOptions.host(), error.getMessage());
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
    closeEngine();
    callbacks.stop();
    Engine e = leaving;
    leaving = null;
    if (e != null) {
      e.whenReleased(whenReleased);
    } else {
      whenReleased.run();
    }
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

  private static void cancel(ScheduledFuture<?> timer) {
    if (timer != null) {
      timer.cancel(false);
    }
  }

  /** The listener of one engine: ignores an engine that is no longer the current one. */
  private final class Events implements EngineListener {
    Engine engine;

    @Override
    public void onOpen(Handshake handshake) {
      if (engine == Manager.this.engine && state == State.OPENING) {
        Manager.this.onOpen(handshake, engine.transport());
      }
    }

    @Override
    public void onMessage(EnginePacket packet) {
      if (engine == Manager.this.engine && state == State.OPEN) {
        Manager.this.onMessage(packet);
      }
    }

    @Override
    public void onClose(String reason, Throwable cause) {
      if (engine == Manager.this.engine) {
        onEngineClosed(reason, cause);
      }
    }

    @Override
    public void onTransport(String name) {
      if (engine == Manager.this.engine && state == State.OPEN) {
        Manager.this.onTransport(name);
      }
    }
  }
}
