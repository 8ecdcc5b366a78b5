package io.pulseio.server.internal.engine;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.EnginePacketType;
import io.pulseio.protocol.ProtocolException;
import io.pulseio.server.DisconnectReason;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.Transport;
import io.pulseio.server.internal.netty.ConnectionGuard;
import io.pulseio.server.internal.netty.EngineError;
import io.pulseio.server.internal.netty.HttpResponses;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Engine.IO session: its state, its current {@link SessionTransport} (polling or WebSocket),
 * the packets it reads, and how it closes. Its parts: the packets waiting to be sent are
 * {@link Outbox}'s, which writes them to the current transport; the move from polling to
 * WebSocket is {@link Upgrade}'s, which swaps the transport; the pings are {@link Heartbeat}'s.
 *
 * <p>Confined to {@link #loop}, and so are its parts: every field is written only there (the
 * state and the transport are volatile so that other threads may read them); the public methods
 * hop over when called elsewhere.
 */
public final class EngineSession implements EngineSocket {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");
    private static final Listener NOOP = new Listener() {};

    private enum State {
        OPEN,
        CLOSING,
        CLOSED
    }

    private final EngineServerImpl server;
    private final String id;
    private final EventLoop loop;
    private final Map<String, String> query;
    private final Map<String, String> headers;
    private final String remoteAddress;
    private final boolean secure;
    /** Never null: a WebSocket session's is made (not yet open) with the session. */
    private volatile SessionTransport transport;

    private volatile State state = State.OPEN;
    private Listener listener = NOOP;
    private final Upgrade upgrade;
    private final Outbox outbox;
    private final Heartbeat heartbeat;
    /**
     * Closed by the client's CLOSE over polling while no GET was held: the one GET that may have
     * been sent with it (and raced it here) is answered with a noop, as if it had been held.
     */
    private boolean noopOwed;

    /** @param kind polling, or WebSocket when {@code opening} is a WebSocket handshake request */
    EngineSession(EngineServerImpl server, String id, Transport kind, EventLoop loop, Exchange opening) {
        this.server = server;
        this.id = id;
        this.loop = loop;
        this.query = Map.copyOf(opening.query);
        this.headers = opening.headers;
        this.remoteAddress = opening.remoteAddress;
        this.secure = server.options.tlsCertificate() != null;
        this.upgrade = new Upgrade(server, this);
        this.outbox = new Outbox(this, server.options.maxOutboundBufferSize());
        this.transport =
                kind == Transport.POLLING ? new PollingTransport(this, upgrade) : webSocket(opening.ctx.channel());
        this.heartbeat = new Heartbeat(
                SessionClock.of(loop),
                server.pingIntervalMs,
                server.pingTimeoutMs,
                () -> outbox.send(EnginePacket.PING),
                outbox::writableNow,
                () -> closeNow(DisconnectReason.PING_TIMEOUT));
    }

    // ---- public API (any thread) ----

    @Override
    public String id() {
        return id;
    }

    @Override
    public Transport transport() {
        return transport.kind();
    }

    @Override
    public Map<String, String> query() {
        return query;
    }

    @Override
    public Map<String, String> headers() {
        return headers;
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean secure() {
        return secure;
    }

    @Override
    public boolean isOpen() {
        return state == State.OPEN;
    }

    /** The thread this session lives on. */
    public EventLoop loop() {
        return loop;
    }

    @Override
    public void send(String text) {
        sendPacket(EnginePacket.message(text));
    }

    @Override
    public void send(byte[] data) {
        sendPacket(EnginePacket.binary(data));
    }

    /** Queues packets in order; from any thread. */
    public void sendPacket(EnginePacket packet) {
        if (loop.inEventLoop()) {
            outbox.send(packet);
        } else {
            loop.execute(() -> outbox.send(packet));
        }
    }

    /**
     * Sends a packet on its own and holds what follows for {@code micros} after it is written, so
     * that a peer reading event by event sees it alone (used for the Socket.IO CONNECT reply, after
     * which connection listeners typically emit at once). On the loop only.
     */
    public void sendAlone(EnginePacket packet, long micros) {
        outbox.sendAlone(packet, micros);
    }

    /** Queues packets only when the transport can take them right now (volatile emits). */
    public void sendVolatile(List<EnginePacket> packets) {
        execute(() -> {
            if (outbox.writableNow()) {
                packets.forEach(outbox::send);
            }
        });
    }

    @Override
    public void close() {
        execute(this::closeGracefully);
    }

    @Override
    public void listen(Listener listener) {
        execute(() -> this.listener = listener == null ? NOOP : listener);
    }

    void execute(Runnable task) {
        if (loop.inEventLoop()) {
            task.run();
        } else {
            loop.execute(task);
        }
    }

    // ---- writing (the queue itself is the outbox's) ----

    /** The transport packets go to now (see {@link SessionTransport}). */
    SessionTransport currentTransport() {
        return transport;
    }

    boolean isClosed() {
        return state == State.CLOSED;
    }

    void flushNow() {
        outbox.flush();
    }

    boolean hasBuffered() {
        return !outbox.isEmpty();
    }

    /** Sends the OPEN packet first on a new WebSocket session. */
    void sendOpenFrame(String handshakeJson) {
        outbox.sendFirst(EnginePacket.text(EnginePacketType.OPEN, handshakeJson));
    }

    /** A WebSocket transport on {@code channel}, not yet open. */
    WebSocketTransport webSocket(Channel channel) {
        return new WebSocketTransport(channel, loop, outbox::flush, server.pingTimeoutMs);
    }

    /** The handshake of a session opened over WebSocket is written: its transport opens. */
    void webSocketOpened() {
        open((WebSocketTransport) transport);
    }

    /**
     * Opens a WebSocket transport and counts the session's queue in its connection's outbound
     * bound (see {@link ConnectionGuard}).
     */
    private void open(WebSocketTransport ws) {
        ws.open();
        ConnectionGuard guard = ConnectionGuard.of(ws.channel());
        if (guard != null) {
            // in a later turn of the session's loop (never inside the emit that tipped it over), and
            // before the channel's close is noticed: the sockets' reason is transport error
            Runnable overflowed = () -> {
                if (state != State.CLOSED && transport == ws) {
                    outbox.dropAsOverflowed();
                    closeNow(DisconnectReason.TRANSPORT_ERROR);
                }
            };
            guard.countAlso(outbox::bufferedBytes, () -> {
                try {
                    loop.execute(overflowed);
                } catch (RejectedExecutionException e) {
                    // the server is shutting down: its close ends the session
                }
            });
        }
    }

    // ---- heartbeat ----

    void opened() {
        heartbeat.schedule();
    }

    boolean pingTimedOut() {
        if (state != State.CLOSED && heartbeat.expired()) {
            closeNow(DisconnectReason.PING_TIMEOUT);
        }
        return state == State.CLOSED;
    }

    // ---- reading ----

    void onHttp(Exchange ex, Transport requested) {
        if (state != State.CLOSED) {
            if (pingTimedOut()) {
                ex.fail(EngineError.UNKNOWN_SID);
            } else if (requested != transport.kind()) {
                ex.fail(EngineError.BAD_REQUEST);
            } else {
                transport.onRequest(ex);
            }
        } else if (noopOwed && requested == Transport.POLLING && "GET".equals(ex.method)) {
            noopOwed = false;
            ex.reply(HttpResponseStatus.OK, HttpResponses.TEXT, EngineCodec.encode(EnginePacket.NOOP));
        } else {
            ex.fail(EngineError.UNKNOWN_SID);
        }
    }

    /** See {@link #noopOwed}; read when the session is removed from the server. */
    boolean owesNoop() {
        return noopOwed;
    }

    void onPackets(List<EnginePacket> packets) {
        for (EnginePacket packet : packets) {
            if (state == State.CLOSED) {
                return;
            }
            onPacket(packet);
        }
    }

    /** A text frame from one of this session's WebSocket channels, on the channel's thread. */
    public void onWebSocketText(Channel channel, String text) {
        execute(() -> {
            if (transport.carries(channel)) {
                if (pingTimedOut()) {
                    return;
                }
                EnginePacket packet;
                try {
                    packet = EngineCodec.decode(text);
                } catch (ProtocolException e) {
                    LOG.debug("session {}: bad frame: {}", id, e.getMessage());
                    closeNow(DisconnectReason.PARSE_ERROR);
                    return;
                }
                onPacket(packet);
            } else if (upgrade.isProbing(channel)) {
                upgrade.onFrame(text);
            }
        });
    }

    /**
     * A text frame holding a MESSAGE packet, given without its type digit (the frame handler cuts
     * it off as it decodes the frame); otherwise as {@link #onWebSocketText}.
     */
    public void onWebSocketMessage(Channel channel, String message) {
        execute(() -> {
            if (transport.carries(channel)) {
                if (!pingTimedOut()) {
                    onPacket(EnginePacket.message(message));
                }
            } else if (upgrade.isProbing(channel)) {
                upgrade.onFrame(EngineCodec.encode(EnginePacket.message(message)));
            }
        });
    }

    /** A binary frame from one of this session's WebSocket channels. */
    public void onWebSocketBinary(Channel channel, byte[] data) {
        execute(() -> {
            if (transport.carries(channel) && state == State.OPEN) {
                onPacket(EnginePacket.binary(data));
            } else if (upgrade.isProbing(channel)) {
                upgrade.cancel();
            }
        });
    }

    /** Reports a refusal of what this session's client sent. */
    void rejected(io.pulseio.server.RejectedInput kind) {
        server.rejected(this, kind);
    }

    /** One of this session's WebSocket channels closed. */
    public void onWebSocketClosed(Channel channel) {
        execute(() -> {
            if (transport.carries(channel)) {
                closeNow(DisconnectReason.TRANSPORT_CLOSE);
            } else if (upgrade.isProbing(channel)) {
                upgrade.cancel();
            }
        });
    }

    private void onPacket(EnginePacket packet) {
        if (state == State.CLOSED) {
            return;
        }
        switch (packet.type()) {
            case PONG -> heartbeat.schedule();
            case MESSAGE -> {
                try {
                    if (packet.isBinary()) {
                        listener.onBinary(packet.binary());
                    } else {
                        listener.onMessage(packet.text());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("session {}: listener failed", id, e);
                }
            }
            case CLOSE -> closeNow(DisconnectReason.TRANSPORT_CLOSE, true);
            default -> {}
        }
    }

    // ---- upgrade ----

    void onUpgradeRequest(Exchange ex) {
        upgrade.onRequest(ex, state == State.OPEN && transport.kind() == Transport.POLLING);
    }

    /**
     * The upgrade's end: {@code next} (a WebSocket transport, not yet open) becomes the session's
     * transport, the previous one is told it was replaced, and what is queued goes out on it.
     */
    void switchTo(WebSocketTransport next) {
        open(next);
        SessionTransport previous = transport;
        transport = next;
        previous.replaced();
        flushNow();
        try {
            listener.onUpgrade();
        } catch (RuntimeException e) {
            LOG.warn("session {}: upgrade listener failed", id, e);
        }
    }

    // ---- closing ----

    private void closeGracefully() {
        if (state != State.OPEN) {
            return;
        }
        // a WebSocket ends with its close frame, after what is queued; polling's end is a CLOSE
        // packet after what is queued, in the answer to a GET
        if (transport.kind() == Transport.WEBSOCKET || outbox.isEmpty()) {
            state = State.CLOSING;
            outbox.flush(true);
            closeNow(DisconnectReason.FORCED_CLOSE);
            return;
        }
        outbox.append(EnginePacket.CLOSE);
        state = State.CLOSING;
        if (transport.holdsRequest()) {
            outbox.flush();
        } else {
            loop.schedule(
                    () -> closeNow(DisconnectReason.FORCED_CLOSE),
                    server.pingIntervalMs + server.pingTimeoutMs,
                    TimeUnit.MILLISECONDS);
        }
    }

    /**
     * The outbox went over {@code maxOutboundBufferSize} and dropped its packets: nothing more is
     * queued, and the session ends in the next loop turn.
     */
    void overflowed() {
        state = State.CLOSING;
        try {
            loop.execute(() -> closeNow(DisconnectReason.TRANSPORT_ERROR));
        } catch (RejectedExecutionException e) {
            closeNow(DisconnectReason.TRANSPORT_ERROR);
        }
    }

    /** True once the session went over {@code maxOutboundBufferSize} (it is closing or closed). */
    public boolean outboxOverflowed() {
        return outbox.overflowed();
    }

    /** Ends the session at once. */
    public void closeNow(DisconnectReason reason) {
        closeNow(reason, false);
    }

    private void closeNow(DisconnectReason reason, boolean closedByClient) {
        if (state == State.CLOSED) {
            return;
        }
        state = State.CLOSED;
        heartbeat.stop();
        noopOwed = closedByClient && transport.kind() == Transport.POLLING && !transport.holdsRequest();
        server.removed(this);
        transport.close(closedByClient, outbox.overflowed());
        upgrade.cancel();
        outbox.clear();
        Listener l = listener;
        listener = NOOP;
        try {
            l.onClose(reason);
        } catch (RuntimeException e) {
            LOG.warn("session {}: close listener failed", id, e);
        }
    }
}
