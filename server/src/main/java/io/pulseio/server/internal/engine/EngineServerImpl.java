package io.pulseio.server.internal.engine;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.pulseio.protocol.Handshake;
import io.pulseio.server.EngineServer;
import io.pulseio.server.EngineSocket;
import io.pulseio.server.RejectedInput;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.Subscription;
import io.pulseio.server.Transport;
import io.pulseio.server.internal.netty.Cors;
import io.pulseio.server.internal.netty.EngineError;
import io.pulseio.server.internal.netty.HttpResponses;
import io.pulseio.server.internal.netty.NettyServer;
import io.pulseio.server.internal.netty.StrictWebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Engine.IO server: checks each request as the Node.js server does (transport, session id,
 * handshake method, protocol version), opens sessions and hands later requests to their session's
 * thread. The session registry is the only state shared between threads.
 */
public final class EngineServerImpl implements EngineServer {
    private static final Logger LOG = LoggerFactory.getLogger("io.pulseio.server");

    final ServerOptions options;
    final long pingIntervalMs;
    final long pingTimeoutMs;
    final long upgradeTimeoutMs;
    private final Cors cors;
    private final SessionIds ids = new SessionIds();
    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    /** Sessions the client closed over polling, kept {@value #CLOSED_GRACE_MILLIS} ms for the GET
     *  sent with the close (see {@link EngineSession#onHttp}). */
    private final Map<String, EngineSession> justClosed = new ConcurrentHashMap<>();

    private static final long CLOSED_GRACE_MILLIS = 1000;
    private final List<Consumer<EngineSocket>> connectionListeners = new CopyOnWriteArrayList<>();
    private final NettyServer netty;
    private volatile Pipelines pipelines;
    private volatile BiConsumer<EngineSocket, RejectedInput> rejections = (session, kind) -> {};
    private volatile boolean closed;

    /** The options the server was made with. */
    public ServerOptions options() {
        return options;
    }

    public EngineServerImpl(ServerOptions options, EventLoopGroup loops) {
        this.options = options;
        this.pingIntervalMs = options.pingInterval().toMillis();
        this.pingTimeoutMs = options.pingTimeout().toMillis();
        this.upgradeTimeoutMs = options.upgradeTimeout().toMillis();
        this.cors = new Cors(options.corsOrigins(), options.corsCredentials());
        this.netty = new NettyServer(options, loops);
    }

    /**
     * Sets where the Engine.IO and HTTP layers' refusals are reported (one sink; the Socket.IO
     * server sets its observers', which log what an observer throws). Called on the refusing
     * connection's loop; the sink must not throw.
     */
    public void onRejected(BiConsumer<EngineSocket, RejectedInput> sink) {
        rejections = Objects.requireNonNull(sink, "sink");
    }

    /** Reports a refusal that concerns no session. */
    void rejected(RejectedInput kind) {
        rejected(null, kind);
    }

    /** Reports a refusal ({@code session} null when none). */
    void rejected(EngineSocket session, RejectedInput kind) {
        rejections.accept(session, kind);
    }

    @Override
    public Subscription onConnection(Consumer<EngineSocket> listener) {
        connectionListeners.add(listener);
        return () -> connectionListeners.remove(listener);
    }

    @Override
    public int start() {
        if (closed) {
            throw new IllegalStateException("server is closed");
        }
        return netty.start(stages()::http);
    }

    /**
     * The stages of this server's connections, made once: at start, or earlier by a test that
     * drives connections in memory without binding. Loads the TLS certificate and key when
     * configured (an {@code UncheckedIOException} when they cannot be read).
     */
    synchronized Pipelines stages() {
        if (pipelines == null) {
            pipelines = new Pipelines(this, options);
        }
        return pipelines;
    }

    @Override
    public int sessionCount() {
        return sessions.size();
    }

    /** The TCP connections open now, of every kind (0 before start); any thread. */
    public int openConnections() {
        Pipelines stages = pipelines;
        return stages == null ? 0 : stages.openConnections();
    }

    /** Generates a random id, also used for Socket.IO socket ids. */
    public String newId() {
        return ids.next();
    }

    public java.util.concurrent.ScheduledExecutorService scheduler() {
        return netty.scheduler();
    }

    public Cors cors() {
        return cors;
    }

    /** True when {@code path} (of a request URI) is this server's. */
    public boolean handlesPath(String path) {
        String mine = options.path();
        return path.equals(mine) || path.equals(mine.substring(0, mine.length() - 1));
    }

    /** A plain HTTP request (not a WebSocket upgrade), on the channel's thread. */
    public void onRequest(Exchange ex) {
        Transport transport = allowedTransport(ex.param("transport"));
        if (transport == null) {
            ex.fail(EngineError.UNKNOWN_TRANSPORT);
            return;
        }
        String sid = ex.param("sid");
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session == null) {
                session = justClosed.get(sid);
            }
            if (session == null) {
                ex.fail(EngineError.UNKNOWN_SID);
            } else {
                EngineSession found = session;
                session.execute(() -> found.onHttp(ex, transport));
            }
            return;
        }
        if (!"GET".equals(ex.method)) {
            ex.fail(EngineError.BAD_HANDSHAKE_METHOD);
        } else if (!"4".equals(ex.param("EIO"))) {
            ex.fail(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
        } else if (transport != Transport.POLLING) {
            ex.fail(EngineError.BAD_REQUEST);
        } else {
            EngineSession session = open(Transport.POLLING, ex);
            ex.reply(HttpResponseStatus.OK, HttpResponses.TEXT, "0" + handshakeJson(session));
            if (!session.isClosed()) { // a connection listener may have closed it: its next request gets 400
                session.opened();
            }
        }
    }

    /** A WebSocket upgrade request, on the channel's thread; {@code ex.request()} is retained. */
    public void onUpgrade(Exchange ex) {
        Transport transport = allowedTransport(ex.param("transport"));
        String sid = ex.param("sid");
        if (transport != Transport.WEBSOCKET) {
            release(ex);
            ex.fail(transport == null ? EngineError.UNKNOWN_TRANSPORT : EngineError.BAD_REQUEST);
            return;
        }
        if (sid != null) {
            EngineSession session = sessions.get(sid);
            if (session == null) {
                release(ex);
                ex.fail(EngineError.UNKNOWN_SID);
            } else {
                session.execute(() -> session.onUpgradeRequest(ex));
            }
            return;
        }
        if (!"4".equals(ex.param("EIO"))) {
            release(ex);
            ex.fail(EngineError.UNSUPPORTED_PROTOCOL_VERSION);
            return;
        }
        EngineSession session = open(Transport.WEBSOCKET, ex);
        webSocketHandshake(
                ex,
                session,
                () -> {
                    if (session.isClosed()) { // closed by a connection listener while it opened
                        ex.ctx
                                .channel()
                                .writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE))
                                .addListener(ChannelFutureListener.CLOSE);
                        return;
                    }
                    session.webSocketOpened();
                    session.sendOpenFrame(handshakeJson(session));
                    session.opened();
                },
                () -> session.closeNow(io.pulseio.server.DisconnectReason.TRANSPORT_ERROR));
    }

    /**
     * Completes a WebSocket handshake on the exchange's channel thread and installs the frame
     * handler; runs {@code onSuccess} or {@code onFailure} on that thread. Releases the request.
     */
    void webSocketHandshake(Exchange ex, EngineSession session, Runnable onSuccess, Runnable onFailure) {
        ChannelHandlerContext ctx = ex.ctx;
        if (!ctx.executor().inEventLoop()) {
            ctx.executor().execute(() -> webSocketHandshake(ex, session, onSuccess, onFailure));
            return;
        }
        FullHttpRequest request = ex.request();
        try {
            String scheme = options.tlsCertificate() != null ? "wss://" : "ws://";
            WebSocketServerHandshaker handshaker = StrictWebSocket.handshaker(
                    request, scheme + request.headers().get("host") + options.path(), (int)
                            options.maxHttpBufferSize());
            if (handshaker == null || !ctx.channel().isActive()) {
                WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
                onFailure.run();
                return;
            }
            pipelines.webSocket(ctx, session);
            handshaker.handshake(ctx.channel(), request).addListener(f -> {
                if (f.isSuccess()) {
                    onSuccess.run();
                } else {
                    ctx.channel().close();
                    onFailure.run();
                }
            });
        } catch (RuntimeException e) {
            LOG.debug("WebSocket handshake failed", e);
            ctx.channel().close();
            onFailure.run();
        } finally {
            request.release();
        }
    }

    private EngineSession open(Transport transport, Exchange ex) {
        EngineSession session =
                new EngineSession(this, newId(), transport, ex.ctx.channel().eventLoop(), ex);
        sessions.put(session.id(), session);
        for (Consumer<EngineSocket> listener : connectionListeners) {
            try {
                listener.accept(session);
            } catch (RuntimeException e) {
                LOG.warn("connection listener failed", e);
            }
        }
        return session;
    }

    String handshakeJson(EngineSession session) {
        List<String> upgrades = new ArrayList<>(1);
        if (session.transport() == Transport.POLLING
                && options.allowUpgrades()
                && options.transports().contains(Transport.WEBSOCKET)) {
            upgrades.add(Transport.WEBSOCKET.wireName());
        }
        return new Handshake(session.id(), upgrades, pingIntervalMs, pingTimeoutMs, options.maxHttpBufferSize())
                .toJson();
    }

    /** On the session's loop, as it closes. */
    void removed(EngineSession session) {
        sessions.remove(session.id(), session);
        if (session.owesNoop() && !closed) {
            justClosed.put(session.id(), session);
            try {
                session.loop()
                        .schedule(
                                () -> justClosed.remove(session.id(), session),
                                CLOSED_GRACE_MILLIS,
                                TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                justClosed.remove(session.id(), session);
            }
        }
    }

    /** Called when an oversized POST arrives: the session it names is dropped. */
    public void onOversizedBody(String sid) {
        EngineSession session = sid == null ? null : sessions.get(sid);
        if (session != null) {
            session.execute(() -> session.closeNow(io.pulseio.server.DisconnectReason.TRANSPORT_ERROR));
        }
    }

    private Transport allowedTransport(String name) {
        Transport t = Transport.ofWireName(name);
        return t != null && options.transports().contains(t) ? t : null;
    }

    private static void release(Exchange ex) {
        if (ex.request() != null) {
            ex.request().release();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (EngineSession session : new ArrayList<>(sessions.values())) {
            session.execute(() -> session.closeNow(io.pulseio.server.DisconnectReason.FORCED_SERVER_CLOSE));
        }
        netty.close();
    }
}
