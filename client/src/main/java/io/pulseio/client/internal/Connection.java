package io.pulseio.client.internal;

import io.netty.channel.EventLoop;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.SocketIoException;
import io.pulseio.client.Transport;
import io.pulseio.client.internal.engine.Engine;
import io.pulseio.client.internal.engine.EngineListener;
import io.pulseio.client.internal.engine.EngineOptions;
import io.pulseio.client.internal.engine.Failures;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.Handshake;
import io.pulseio.protocol.ProtocolException;
import io.pulseio.protocol.SocketDecoder;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import io.pulseio.protocol.SocketPacketType;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client's connection state machine: one Engine.IO session at a time (closed, opening, open),
 * its Socket.IO decoder and its open timer. It reports what happens to the {@link Manager}, which
 * fans it out to the listeners, the sockets and the reconnection.
 *
 * <p>Loop only: every method runs on the client's event loop.
 */
final class Connection {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.client");

    private enum State {
        CLOSED,
        OPENING,
        OPEN
    }

    private final Manager manager;
    private final ClientOptions options;
    private final EventLoop loop;
    private final Manager.EngineFactory engines;
    private final EngineOptions engineOptions;

    private State state = State.CLOSED;
    private Engine engine;
    /** The engine closed last at our request: it may still be sending its goodbye. */
    private Engine leaving;

    private SocketDecoder decoder;
    private ScheduledFuture<?> openTimer;
    private boolean websocketWorked;

    Connection(
            Manager manager,
            ClientOptions options,
            EventLoop loop,
            Manager.EngineFactory engines,
            EngineOptions engineOptions) {
        this.manager = manager;
        this.options = options;
        this.loop = loop;
        this.engines = engines;
        this.engineOptions = engineOptions;
    }

    boolean isOpen() {
        return state == State.OPEN;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    boolean writable() {
        return state == State.OPEN && engine.writable();
    }

    void open() {
        if (manager.isClosed() || state != State.CLOSED) {
            return;
        }
        EngineOptions opts = engineOptions;
        if (options.rememberUpgrade() && websocketWorked && opts.transports().contains("websocket")) {
            opts = new EngineOptions(
                    opts.secure(),
                    opts.host(),
                    opts.port(),
                    opts.path(),
                    opts.query(),
                    opts.headers(),
                    List.of("websocket"),
                    false,
                    opts.sslContext(),
                    opts.handshakeTimeoutMillis());
        }
        Events events = new Events();
        Engine e;
        try {
            e = engines.create(opts, loop, events);
        } catch (RuntimeException bad) {
            // something the options' checks let through: a failed attempt (connect_error, reconnection), not a
            // connect that waits for ever because its task died on the loop
            state = State.OPENING;
            manager.connectionOpening();
            onOpenFailed(new SocketIoException("cannot open a connection: " + bad.getMessage(), bad));
            return;
        }
        events.engine = e;
        engine = e;
        state = State.OPENING;
        manager.connectionOpening();
        decoder = new SocketDecoder();
        openTimer =
                loop.schedule(() -> onOpenTimeout(e), options.connectTimeout().toMillis(), TimeUnit.MILLISECONDS);
        e.open();
    }

    /** Closes the engine at our own request ("forced close"): no reconnection follows. */
    void close() {
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

    /** Runs the task once the engine closed last has sent its goodbye, or now when there is none. */
    void whenLeft(Runnable task) {
        Engine e = leaving;
        leaving = null;
        if (e != null) {
            e.whenReleased(task);
        } else {
            task.run();
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

    private void onOpenTimeout(Engine e) {
        openTimer = null;
        if (engine != e || state != State.OPENING) {
            return;
        }
        engine = null;
        e.close();
        onOpenFailed(new SocketIoException("timeout: the connection to " + engineOptions.host() + ":"
                + engineOptions.port() + " did not open within "
                + Failures.duration(options.connectTimeout().toMillis())
                + " (connect timeout)"));
    }

    private void onOpen(Handshake handshake, String transportName) {
        cancel(openTimer);
        openTimer = null;
        state = State.OPEN;
        Transport t = Transport.ofWireName(transportName);
        if (t == Transport.WEBSOCKET) {
            websocketWorked = true;
        }
        LOG.debug("connected to {} (sid {}, {})", engineOptions.host(), handshake.sid(), transportName);
        manager.connectionOpened(t);
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
        if (packet != null) {
            manager.packetReceived(packet);
        }
    }

    private void onTransport(String name) {
        Transport t = Transport.ofWireName(name);
        if (t == Transport.WEBSOCKET) {
            websocketWorked = true;
        }
        manager.transportChanged(t);
    }

    /** The engine ended (or we ended it): before open, a failed attempt; after, a lost connection. */
    private void onEngineClosed(String reason, Throwable cause) {
        if (state == State.OPENING) {
            engine = null;
            String message = cause == null ? reason : reason + ": " + Failures.describe(cause);
            onOpenFailed(new SocketIoException(message, cause));
            return;
        }
        if (state != State.OPEN) {
            return;
        }
        engine = null;
        state = State.CLOSED;
        decoder = null;
        manager.connectionLost(reason, cause);
    }

    private void onOpenFailed(SocketIoException error) {
        cancel(openTimer);
        openTimer = null;
        state = State.CLOSED;
        decoder = null;
        LOG.debug("connection to {} failed: {}", engineOptions.host(), error.getMessage());
        manager.connectionFailed(error);
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
            if (engine == Connection.this.engine && state == State.OPENING) {
                Connection.this.onOpen(handshake, engine.transport());
            }
        }

        @Override
        public void onMessage(EnginePacket packet) {
            if (engine == Connection.this.engine && state == State.OPEN) {
                Connection.this.onMessage(packet);
            }
        }

        @Override
        public void onClose(String reason, Throwable cause) {
            if (engine == Connection.this.engine) {
                onEngineClosed(reason, cause);
            }
        }

        @Override
        public void onTransport(String name) {
            if (engine == Connection.this.engine && state == State.OPEN) {
                Connection.this.onTransport(name);
            }
        }
    }
}
