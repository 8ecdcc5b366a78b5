package io.pulseio.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.pulseio.protocol.EncodedPacket;
import io.pulseio.protocol.EngineCodec;
import io.pulseio.protocol.EnginePacket;
import io.pulseio.protocol.EnginePacketType;
import io.pulseio.protocol.Handshake;
import io.pulseio.protocol.Json;
import io.pulseio.protocol.SocketDecoder;
import io.pulseio.protocol.SocketEncoder;
import io.pulseio.protocol.SocketPacket;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small Socket.IO server for the client's end-to-end tests: WebSocket only, on loopback, built
 * from Netty and the protocol codecs. Namespace {@code /forbidden} is refused with message
 * {@code "not authorized"} and data {@code {"code":403}}; every other namespace is accepted.
 *
 * <p>Events: {@code echo} acks its arguments; {@code auth} acks the CONNECT auth of its
 * namespace; {@code kick} disconnects the namespace; {@code push (n)} emits {@code p (i)} n
 * times; {@code ask (x)} emits {@code question (x)} asking for an ack and emits {@code answered}
 * with the ack's arguments when it comes. Any other event is put in {@link #received}.
 */
final class TestServer implements AutoCloseable {
    /** Events that no handler consumed, as {@code namespace event args-json}. */
    final BlockingQueue<String> received = new LinkedBlockingQueue<>();

    final AtomicLong connections = new AtomicLong();

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel server;
    private int port;

    TestServer start(int wantedPort) throws InterruptedException {
        server = new ServerBootstrap()
                .group(group)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        ch.pipeline()
                                .addLast(
                                        new HttpServerCodec(),
                                        new HttpObjectAggregator(1 << 20),
                                        new WebSocketServerProtocolHandler(
                                                "/socket.io/", null, true, 16 << 20, false, true),
                                        new Connection());
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", wantedPort))
                .sync()
                .channel();
        port = ((InetSocketAddress) server.localAddress()).getPort();
        return this;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Stops listening and drops every connection (as a killed server would). */
    void stop() throws InterruptedException {
        server.close().sync();
        channels.close().sync();
    }

    @Override
    public void close() throws InterruptedException {
        if (server.isOpen()) {
            stop();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).sync();
    }

    /** One Engine.IO session over one WebSocket. */
    private final class Connection extends SimpleChannelInboundHandler<WebSocketFrame> {
        private final SocketDecoder decoder = new SocketDecoder();
        private final java.util.Map<String, JsonNode> auths = new java.util.HashMap<>();
        private long nextAck;
        private final java.util.Map<Long, String> questions = new java.util.HashMap<>();

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                connections.incrementAndGet();
                Handshake hs = new Handshake(UUID.randomUUID().toString(), List.of(), 25_000, 20_000, 1_000_000);
                ctx.writeAndFlush(new TextWebSocketFrame("0" + hs.toJson()));
            }
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            SocketPacket packet;
            if (frame instanceof TextWebSocketFrame text) {
                EnginePacket ep = EngineCodec.decode(text.text());
                if (ep.type() != EnginePacketType.MESSAGE) {
                    return;
                }
                packet = ep.isBinary() ? decoder.decodeBinary(ep.binary()) : decoder.decode(ep.text());
            } else if (frame instanceof BinaryWebSocketFrame binary) {
                packet = decoder.decodeBinary(ByteBufUtil.getBytes(binary.content()));
            } else {
                return;
            }
            if (packet != null) {
                onPacket(ctx, packet);
            }
        }

        private void onPacket(ChannelHandlerContext ctx, SocketPacket p) {
            String ns = p.namespace();
            switch (p.type()) {
                case CONNECT -> {
                    if (ns.equals("/forbidden")) {
                        ObjectNode error = Json.MAPPER.createObjectNode().put("message", "not authorized");
                        error.putObject("data").put("code", 403);
                        send(ctx, SocketPacket.connectError(ns, error));
                    } else {
                        auths.put(ns, p.data() == null ? Json.MAPPER.nullNode() : p.data());
                        ObjectNode ok = Json.MAPPER
                                .createObjectNode()
                                .put("sid", UUID.randomUUID().toString());
                        send(
                                ctx,
                                new SocketPacket(
                                        io.pulseio.protocol.SocketPacketType.CONNECT, ns, SocketPacket.NO_ACK, ok));
                    }
                }
                case EVENT, BINARY_EVENT -> onEvent(ctx, p);
                case ACK, BINARY_ACK -> {
                    String question = questions.remove(p.ackId());
                    if (question != null) {
                        ArrayNode args = ((ArrayNode) p.data()).deepCopy();
                        args.insert(0, "answered");
                        send(ctx, SocketPacket.event(ns, args, SocketPacket.NO_ACK));
                    }
                }
                default -> {}
            }
        }

        private void onEvent(ChannelHandlerContext ctx, SocketPacket p) {
            String ns = p.namespace();
            ArrayNode data = (ArrayNode) p.data();
            ArrayNode args = data.deepCopy();
            args.remove(0);
            switch (p.eventName()) {
                case "echo" -> {
                    if (p.hasAckId()) {
                        send(ctx, SocketPacket.ack(ns, p.ackId(), args));
                    }
                }
                case "auth" ->
                    send(
                            ctx,
                            SocketPacket.ack(
                                    ns, p.ackId(), Json.MAPPER.createArrayNode().add(auths.get(ns))));
                case "kick" -> send(ctx, SocketPacket.disconnect(ns));
                case "push" -> {
                    for (int i = 0; i < args.get(0).asInt(); i++) {
                        send(
                                ctx,
                                SocketPacket.event(
                                        ns,
                                        Json.MAPPER.createArrayNode().add("p").add(i),
                                        SocketPacket.NO_ACK));
                    }
                }
                case "ask" -> {
                    long id = nextAck++;
                    questions.put(id, "question");
                    ArrayNode q = args.deepCopy();
                    q.insert(0, "question");
                    send(ctx, SocketPacket.event(ns, q, id));
                }
                default ->
                    received.add(ns + " " + p.eventName() + " " + args + (p.hasAckId() ? " ack" + p.ackId() : ""));
            }
        }

        private void send(ChannelHandlerContext ctx, SocketPacket packet) {
            EncodedPacket encoded = SocketEncoder.encode(packet);
            ctx.write(new TextWebSocketFrame("4" + encoded.text()));
            for (byte[] attachment : encoded.attachments()) {
                ctx.write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(attachment)));
            }
            ctx.flush();
        }
    }
}
