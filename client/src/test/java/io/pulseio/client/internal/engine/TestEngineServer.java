package io.pulseio.client.internal.engine;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.ssl.SslContext;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.EnginePacketType;
import io.pulseio.protocol.Handshake;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * A small Engine.IO v4 server for the engine's tests, on loopback: polling (one pending GET per
 * session, POSTs checked against maxPayload), WebSocket, the probe upgrade, server pings. It
 * records what it received and sizes of the POST bodies; tests script it through its fields.
 * Not a conformant server: just enough to watch the client behave.
 */
final class TestEngineServer implements AutoCloseable {
    final long pingInterval;
    final long pingTimeout;
    final long maxPayload;
    /** Whether to offer the upgrade to WebSocket in the handshake. */
    volatile boolean offerUpgrade = true;
    /** Whether to answer the probe ping (false: the upgrade fails with a wrong answer). */
    volatile boolean answerProbe = true;
    /** Whether to send pings at all (false: the client should time out). */
    volatile boolean sendPings = true;
    /** Whether to send each MESSAGE back to its sender. */
    volatile boolean echo;
    /** Status to answer the next POST with instead of handling it (0: none). */
    volatile int failNextPost;
    /** Status to answer the next GET with instead of handling it (0: none). */
    volatile int failNextGet;
    /** Called with each session once its handshake has been sent, on the server loop. */
    volatile Consumer<Session> onConnection = s -> {};

    final BlockingQueue<EnginePacket> received = new LinkedBlockingQueue<>();
    final List<Integer> postBodySizes = new CopyOnWriteArrayList<>();
    final List<String> requestHeaders = new CopyOnWriteArrayList<>();
    /**
     * The polling requests in the order the server handled them: {@code GET}, {@code POST <packets>}
     * (each packet encoded, comma-separated), {@code <method> unknown sid} (answered 400).
     */
    final List<String> pollingLog = new CopyOnWriteArrayList<>();

    final AtomicInteger pongs = new AtomicInteger();
    final AtomicInteger connections = new AtomicInteger();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel server;

    TestEngineServer(long pingInterval, long pingTimeout, long maxPayload, SslContext tls) throws InterruptedException {
        this.pingInterval = pingInterval;
        this.pingTimeout = pingTimeout;
        this.maxPayload = maxPayload;
        this.server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        connections.incrementAndGet();
                        if (tls != null) {
                            ch.pipeline().addLast(tls.newHandler(ch.alloc()));
                        }
                        ch.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(64 * 1024 * 1024),
                                        new HttpHandler());
                    }
                })
                .bind("127.0.0.1", 0)
                .sync()
                .channel();
    }

    TestEngineServer(long pingInterval, long pingTimeout, long maxPayload) throws InterruptedException {
        this(pingInterval, pingTimeout, maxPayload, null);
    }

    int port() {
        return ((InetSocketAddress) server.localAddress()).getPort();
    }

    /** The only session (tests open one). */
    Session session() {
        return sessions.values().iterator().next();
    }

    /** Runs {@code task} on the server's loop. */
    void run(Runnable task) {
        group.next().execute(task);
    }

    @Override
    public void close() {
        server.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /** One Engine.IO session; touched only on the server loop. */
    final class Session {
        final String sid;
        final Queue<EnginePacket> outbox = new ConcurrentLinkedQueue<>();
        private ChannelHandlerContext pendingGet;
        private Channel ws;
        private boolean probed;
        volatile boolean upgraded;
        private boolean closed;

        Session(String sid) {
            this.sid = sid;
        }

        /** Sends a packet: over the WebSocket once upgraded, else in the next GET response. */
        void send(EnginePacket packet) {
            run(() -> {
                if (closed) {
                    return;
                }
                if (upgraded) {
                    ws.writeAndFlush(frame(packet));
                } else {
                    outbox.add(packet);
                    flushGet();
                }
            });
        }

        /** Ends the session as a server does: a CLOSE packet, then the connection goes. */
        void close() {
            run(() -> {
                if (upgraded) {
                    ws.writeAndFlush(frame(EnginePacket.CLOSE)).addListener(ChannelFutureListener.CLOSE);
                    end();
                } else {
                    outbox.add(EnginePacket.CLOSE); // the session ends once the CLOSE has gone out in a GET
                    flushGet();
                }
            });
        }

        private void end() {
            closed = true;
            sessions.remove(sid);
        }

        private void flushGet() {
            if (pendingGet != null && !outbox.isEmpty()) {
                List<EnginePacket> packets = new ArrayList<>();
                EnginePacket p;
                while ((p = outbox.poll()) != null) {
                    packets.add(p);
                }
                respond(pendingGet, HttpResponseStatus.OK, EngineCodec.encodePayload(packets));
                pendingGet = null;
                if (packets.contains(EnginePacket.CLOSE)) {
                    end();
                }
            }
        }

        private void schedulePing() {
            group.next()
                    .schedule(
                            () -> {
                                if (!closed && sessions.containsKey(sid)) {
                                    if (sendPings) {
                                        send(EnginePacket.PING);
                                    }
                                    schedulePing();
                                }
                            },
                            pingInterval,
                            TimeUnit.MILLISECONDS);
        }

        private void onPacket(EnginePacket packet) {
            switch (packet.type()) {
                case PONG -> pongs.incrementAndGet();
                case CLOSE -> {
                    if (!upgraded && pendingGet != null) {
                        outbox.add(EnginePacket.CLOSE); // engine.io answers the pending GET as it closes
                        flushGet();
                    }
                    end();
                    received.add(packet);
                }
                case MESSAGE -> {
                    received.add(packet);
                    if (echo) {
                        send(packet);
                    }
                }
                default -> received.add(packet);
            }
        }
    }

    private Session open() {
        String sid = "s" + Long.toHexString(System.nanoTime());
        Session session = new Session(sid);
        sessions.put(sid, session);
        session.schedulePing();
        return session;
    }

    private String handshake(Session s) {
        return "0"
                + new Handshake(
                                s.sid,
                                offerUpgrade ? List.of("websocket") : List.of(),
                                pingInterval,
                                pingTimeout,
                                maxPayload)
                        .toJson();
    }

    private static WebSocketFrame frame(EnginePacket p) {
        return p.isBinary()
                ? new BinaryWebSocketFrame(Unpooled.wrappedBuffer(p.binary()))
                : new TextWebSocketFrame(EngineCodec.encode(p));
    }

    private static void respond(ChannelHandlerContext ctx, HttpResponseStatus status, String body) {
        ByteBuf content = Unpooled.copiedBuffer(body, StandardCharsets.UTF_8);
        FullHttpResponse res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, content);
        res.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain; charset=UTF-8");
        HttpUtil.setContentLength(res, content.readableBytes());
        ctx.writeAndFlush(res);
    }

    private final class HttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
            requestHeaders.add(req.method() + " " + req.headers().get("X-Test", ""));
            QueryStringDecoder q = new QueryStringDecoder(req.uri());
            String transport = param(q, "transport");
            String sidParam = param(q, "sid");
            if (!"4".equals(param(q, "EIO"))) {
                respond(
                        ctx,
                        HttpResponseStatus.BAD_REQUEST,
                        "{\"code\":5,\"message\":\"Unsupported protocol version\"}");
                return;
            }
            Session session = sidParam == null ? null : sessions.get(sidParam);
            if (sidParam != null && session == null) {
                if (!"websocket".equals(transport)) {
                    pollingLog.add(req.method() + " unknown sid");
                }
                respond(ctx, HttpResponseStatus.BAD_REQUEST, "{\"code\":1,\"message\":\"Session ID unknown\"}");
                return;
            }
            if ("websocket".equals(transport)) {
                int fail = failNextGet;
                if (fail != 0) {
                    failNextGet = 0;
                    respond(ctx, HttpResponseStatus.valueOf(fail), "{\"code\":3,\"message\":\"Bad request\"}");
                    return;
                }
                upgradeToWebSocket(ctx, req, session);
            } else if (req.method().equals(HttpMethod.GET)) {
                onGet(ctx, session);
            } else {
                onPost(ctx, req, session);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // e.g. a client rejecting our certificate: expected in the TLS tests
        }

        private void onGet(ChannelHandlerContext ctx, Session session) {
            pollingLog.add("GET");
            int fail = failNextGet;
            if (fail != 0 && session != null) {
                failNextGet = 0;
                respond(ctx, HttpResponseStatus.valueOf(fail), "{\"code\":3,\"message\":\"Bad request\"}");
                return;
            }
            if (session == null) {
                Session s = open();
                respond(ctx, HttpResponseStatus.OK, handshake(s));
                onConnection.accept(s);
                return;
            }
            if (session.pendingGet != null) {
                respond(ctx, HttpResponseStatus.BAD_REQUEST, "overlapping GET");
                return;
            }
            session.pendingGet = ctx;
            if (session.probed) {
                session.outbox.add(EnginePacket.NOOP);
            }
            session.flushGet();
        }

        private void onPost(ChannelHandlerContext ctx, FullHttpRequest req, Session session) {
            int size = req.content().readableBytes();
            postBodySizes.add(size);
            int fail = failNextPost;
            if (fail != 0) {
                failNextPost = 0;
                respond(ctx, HttpResponseStatus.valueOf(fail), "{\"code\":3,\"message\":\"Bad request\"}");
                return;
            }
            if (size > maxPayload) {
                respond(ctx, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "payload too large");
                return;
            }
            List<EnginePacket> packets = EngineCodec.decodePayload(req.content().toString(StandardCharsets.UTF_8));
            pollingLog.add("POST "
                    + String.join(",", packets.stream().map(EngineCodec::encode).toList()));
            for (EnginePacket p : packets) {
                session.onPacket(p);
            }
            respond(ctx, HttpResponseStatus.OK, "ok");
        }

        private void upgradeToWebSocket(ChannelHandlerContext ctx, FullHttpRequest req, Session session) {
            WebSocketServerHandshaker hs = new WebSocketServerHandshakerFactory(
                            "ws://localhost" + req.uri(), null, false, 128 * 1024 * 1024)
                    .newHandshaker(req);
            Channel ch = ctx.channel();
            hs.handshake(ch, req).addListener(f -> {
                if (!f.isSuccess()) {
                    return;
                }
                ch.pipeline().replace(this, "frames", new FrameHandler(hs));
                ch.pipeline().addBefore("frames", "aggregate", new WebSocketFrameAggregator(128 * 1024 * 1024));
                if (session == null) {
                    Session s = open();
                    s.ws = ch;
                    s.upgraded = true;
                    ch.writeAndFlush(new TextWebSocketFrame(handshake(s)));
                    ((FrameHandler) ch.pipeline().get("frames")).session = s;
                    onConnection.accept(s);
                } else {
                    ((FrameHandler) ch.pipeline().get("frames")).session = session;
                    session.ws = ch;
                }
            });
        }
    }

    private final class FrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final WebSocketServerHandshaker handshaker;
        Session session;

        FrameHandler(WebSocketServerHandshaker handshaker) {
            this.handshaker = handshaker;
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof CloseWebSocketFrame close) {
                handshaker.close(ctx.channel(), close.retain());
                return;
            }
            EnginePacket p = frame instanceof BinaryWebSocketFrame
                    ? EngineCodec.decodeBinary(io.netty.buffer.ByteBufUtil.getBytes(frame.content()))
                    : EngineCodec.decode(((TextWebSocketFrame) frame).text());
            Session s = session;
            if (!s.upgraded) {
                if (p.equals(EnginePacket.PING_PROBE)) {
                    if (!answerProbe) {
                        ctx.writeAndFlush(new TextWebSocketFrame("6"));
                        return;
                    }
                    ctx.writeAndFlush(new TextWebSocketFrame("3probe"));
                    s.probed = true;
                    // Like engine.io: make the pending GET return so the client can pause polling.
                    if (s.pendingGet != null) {
                        s.outbox.add(EnginePacket.NOOP);
                        s.flushGet();
                    }
                } else if (p.type() == EnginePacketType.UPGRADE) {
                    s.upgraded = true;
                    s.probed = false;
                    EnginePacket q;
                    while ((q = s.outbox.poll()) != null) {
                        ctx.write(frame(q));
                    }
                    ctx.flush();
                }
                return;
            }
            s.onPacket(p);
            if (s.closed) {
                ctx.close();
            }
        }
    }

    private static String param(QueryStringDecoder q, String name) {
        List<String> values = q.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
