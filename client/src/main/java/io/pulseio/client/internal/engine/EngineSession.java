package io.pulseio.client.internal.engine;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.Handshake;
import io.pulseio.protocol.ProtocolException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Engine}: a state machine (new, opening, open, closing, closed) over one current
 * transport: the handshake and its timeout, incoming packets, failures, and the release of the
 * connections at the end.
 *
 * <p>Its parts: the {@link Outbox} holds outgoing packets and cuts them into writes; the
 * {@link Heartbeat} declares a silent server dead; the {@link Upgrade} probes WebSocket and
 * switches to it; the {@link Goodbye} sequences the graceful end after {@link #close()}.
 *
 * <p>Confined to one event loop: the {@link Engine} methods may be called from any thread and hop
 * to it (only {@link #send}, {@link #sendApart}, {@link #transport} and {@link #writable} act
 * from the caller's thread, on volatile or thread-safe state); everything else, transport and
 * timer callbacks included, runs on the loop.
 */
final class EngineSession implements Engine, Transport.Listener {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.client");

    private enum State {
        NEW,
        OPENING,
        OPEN,
        CLOSING,
        CLOSED
    }

    private final EngineOptions options;
    private final EventLoop loop;
    private final EngineListener listener;
    private final EngineEndpoint endpoint;
    private final Outbox outbox;
    private final Goodbye goodbye;
    private final Upgrade upgrade;
    private final Heartbeat heartbeat;

    private volatile State state = State.NEW;
    private volatile Transport transport;
    private Handshake handshake;
    private ScheduledFuture<?> handshakeTimer;
    private final List<Runnable> whenReleased = new ArrayList<>(1);

    EngineSession(EngineOptions options, EventLoop loop, EngineListener listener) {
        this.options = Objects.requireNonNull(options, "options");
        this.loop = Objects.requireNonNull(loop, "loop");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.endpoint = new EngineEndpoint(options);
        this.outbox = new Outbox(loop, this::flush);
        this.goodbye = new Goodbye(this, outbox, loop);
        this.upgrade = new Upgrade(this, options, endpoint, loop, listener);
        this.heartbeat = new Heartbeat(loop, () -> fail("ping timeout", null));
    }

    // ---- Engine: any thread ----

    @Override
    public void open() {
        onLoop(this::doOpen);
    }

    @Override
    public void send(EnginePacket packet) {
        Objects.requireNonNull(packet, "packet");
        State s = state;
        if (s == State.CLOSING || s == State.CLOSED) {
            return;
        }
        outbox.send(packet);
    }

    @Override
    public void sendApart(EnginePacket packet) {
        Objects.requireNonNull(packet, "packet");
        State s = state;
        if (s == State.CLOSING || s == State.CLOSED) {
            return;
        }
        outbox.sendApart(packet);
    }

    @Override
    public void close() {
        onLoop(this::doClose);
    }

    @Override
    public void whenReleased(Runnable task) {
        Objects.requireNonNull(task, "task");
        onLoop(() -> {
            if (state == State.CLOSED) {
                task.run();
            } else {
                whenReleased.add(task);
            }
        });
    }

    @Override
    public String transport() {
        Transport t = transport;
        return t == null ? null : t.name();
    }

    @Override
    public boolean writable() {
        Transport t = transport;
        return state == State.OPEN && !upgrade.inProgress() && t != null && t.writable() && outbox.isEmpty();
    }

    // ---- for the parts (Upgrade, Goodbye) and tests: on the loop ----

    /** The current transport (tests read it on the loop or once settled). */
    Transport currentTransport() {
        return transport;
    }

    /** Makes {@code t} the current transport (the upgrade's switch). */
    void useTransport(Transport t) {
        transport = t;
    }

    /** True from the handshake until the session starts closing or fails. */
    boolean isOpen() {
        return state == State.OPEN;
    }

    /** True between a {@link #close()} of an open session and the release of its connections. */
    boolean isClosing() {
        return state == State.CLOSING;
    }

    // ---- on the loop ----

    private void doOpen() {
        if (state != State.NEW) {
            return;
        }
        state = State.OPENING;
        String first =
                options.transports().isEmpty() ? null : options.transports().get(0);
        Transport t;
        try {
            t = create(first, null);
        } catch (IllegalArgumentException e) {
            fail("transport error", e);
            return;
        }
        transport = t;
        long timeout = options.handshakeTimeoutMillis();
        if (timeout > 0) {
            handshakeTimer = loop.schedule(
                    () -> fail(
                            "transport error",
                            new TimeoutException("no Engine.IO handshake within " + timeout + " ms")),
                    timeout,
                    TimeUnit.MILLISECONDS);
        }
        LOG.debug("engine opening over {} to {}:{}", t.name(), options.host(), options.port());
        t.open();
    }

    private void doClose() {
        switch (state) {
            case NEW, OPENING -> fail("forced close", null);
            case OPEN -> {
                state = State.CLOSING;
                heartbeat.stop();
                transport.closing();
                upgrade.abandon();
                listener.onClose("forced close", null);
                goodbye.start();
            }
            default -> {}
        }
    }

    private Transport create(String name, String sid) {
        if (PollingTransport.NAME.equals(name)) {
            return new PollingTransport(endpoint, loop, this);
        }
        if (WebSocketTransport.NAME.equals(name)) {
            return new WebSocketTransport(endpoint, loop, this, sid);
        }
        throw new IllegalArgumentException("unknown transport: " + name);
    }

    @Override
    public void onConnected(Transport t) {
        if (upgrade.isProbe(t)) {
            upgrade.onConnected();
        }
    }

    @Override
    public void onPacket(Transport t, EnginePacket packet) {
        State s = state;
        if (s == State.CLOSING || s == State.CLOSED) {
            return;
        }
        if (upgrade.isProbe(t)) {
            upgrade.onPacket(packet);
            return;
        }
        if (t != transport) {
            return;
        }
        if (s == State.OPENING) {
            onOpeningPacket(packet);
            return;
        }
        heartbeat.packetArrived();
        switch (packet.type()) {
            case MESSAGE -> listener.onMessage(packet);
            case PING -> outbox.send(EnginePacket.PONG);
            // engine.io-client reports a server's CLOSE as the transport closing; so does Socket.IO.
            case CLOSE -> fail("transport close", null);
            default -> {} // NOOP (answers a GET during an upgrade), stray PONG/UPGRADE/OPEN: nothing to do
        }
    }

    private void onOpeningPacket(EnginePacket packet) {
        if (packet.type() != io.pulseio.protocol.EnginePacketType.OPEN) {
            fail("parse error", new ProtocolException("expected the handshake (OPEN) first, got " + packet.type()));
            return;
        }
        Handshake h;
        try {
            h = Handshake.parse(packet.text());
        } catch (ProtocolException e) {
            fail("parse error", e);
            return;
        }
        handshake = h;
        state = State.OPEN;
        cancel(handshakeTimer);
        transport.sid(h.sid());
        heartbeat.start(h);
        LOG.debug("engine open: sid {} over {}", h.sid(), transport.name());
        listener.onOpen(h);
        if (state != State.OPEN) {
            return;
        }
        flush();
        upgrade.start(h);
    }

    // ---- writing ----

    /** Writes what the outbox holds, as far as the transport takes it; while closing, the goodbye. */
    void flush() {
        State s = state;
        if ((s != State.OPEN && s != State.CLOSING) || upgrade.inProgress()) {
            return;
        }
        Transport t = transport;
        outbox.writeTo(t, handshake.maxPayload());
        if (s == State.CLOSING) {
            goodbye.afterWrite(t);
        }
    }

    @Override
    public void onDrain(Transport t) {
        if (t == transport) {
            flush();
        }
    }

    // ---- ending ----

    @Override
    public void onFailure(Transport t, String reason, Throwable cause) {
        if (upgrade.isProbe(t)) {
            upgrade.failed(cause);
        } else if (t == transport) {
            fail(reason, Causes.plain(cause));
        }
    }

    private void fail(String reason, Throwable cause) {
        State s = state;
        if (s == State.CLOSED) {
            return;
        }
        finishClosing();
        if (s != State.CLOSING) {
            LOG.debug("engine closed: {}", reason, cause);
            listener.onClose(reason, cause);
        }
    }

    /** Ends the session: stops its timers, closes its connections, runs the release tasks. */
    void finishClosing() {
        state = State.CLOSED;
        cancel(handshakeTimer);
        heartbeat.stop();
        goodbye.cancel();
        upgrade.close();
        Transport t = transport;
        if (t != null) {
            t.close();
        }
        outbox.clear();
        for (Runnable task : List.copyOf(whenReleased)) {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("engine release task failed", e);
            }
        }
        whenReleased.clear();
    }

    // ---- helpers ----

    private void onLoop(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            try {
                loop.execute(task);
            } catch (RejectedExecutionException e) {
                LOG.debug("engine event loop is shut down; ignoring", e);
            }
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
