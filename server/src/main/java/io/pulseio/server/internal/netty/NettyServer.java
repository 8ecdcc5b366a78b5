package io.pulseio.server.internal.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.GlobalEventExecutor;
import io.pulseio.server.ServerOptions;
import io.pulseio.server.internal.io.NativeIo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * The listening socket (its failed accepts paused and logged by {@link AcceptErrors}), the open
 * connections (closed with the server) and the event loops when the server owns them. What each
 * connection's pipeline holds is the caller's ({@code start}'s stages): this class knows no
 * Engine.IO.
 */
public final class NettyServer {
    private static final java.util.regex.Pattern NATIVE_ERROR = java.util.regex.Pattern.compile(
            "\\w+\\(\\.\\.\\) failed(?: with error\\(-?\\d+\\))?: (.+)", java.util.regex.Pattern.DOTALL);
    private final ServerOptions options;
    private final EventLoopGroup group;
    private final boolean ownsGroup;
    private final ChannelGroup channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
    private Channel serverChannel;
    private boolean closed;

    public NettyServer(ServerOptions options, EventLoopGroup given) {
        this.options = options;
        this.ownsGroup = given == null;
        this.group = given != null
                ? given
                : new MultiThreadIoEventLoopGroup(
                        options.ioThreads(),
                        new DefaultThreadFactory("pulseio-server", false),
                        NativeIo.handlerFactory());
    }

    /** A thread of the server's event loops, for timers not tied to one connection. */
    public java.util.concurrent.ScheduledExecutorService scheduler() {
        return group.next();
    }

    /** Binds and listens; each new connection gets its stages from {@code stages}. */
    public synchronized int start(Consumer<SocketChannel> stages) {
        if (serverChannel != null || closed) {
            throw new IllegalStateException(closed ? "server is closed" : "server already started");
        }
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(group)
                .channel(NativeIo.serverChannel(group))
                .option(ChannelOption.SO_BACKLOG, 1024)
                .handler(new AcceptErrors())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        channels.add(ch);
                        stages.accept(ch);
                    }
                });
        InetSocketAddress address = options.host() == null
                ? new InetSocketAddress(options.port())
                : new InetSocketAddress(options.host(), options.port());
        try {
            serverChannel = bootstrap.bind(address).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while binding", e);
        } catch (Exception e) {
            IOException cause = plain(e);
            throw new UncheckedIOException(
                    "cannot bind "
                            + (options.host() == null
                                    ? "port " + options.port()
                                    : options.host() + ":" + options.port())
                            + ": " + cause.getMessage(),
                    cause);
        }
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /**
     * The failure as an IOException worded alike on both transports: Netty's native one says
     * {@code bind(..) failed with error(-98): Address already in use}, NIO {@code Address already in
     * use}; the native form becomes a {@link java.net.BindException} with the plain message.
     */
    private static IOException plain(Exception e) {
        java.util.regex.Matcher m = NATIVE_ERROR.matcher(String.valueOf(e.getMessage()));
        if (e instanceof IOException && m.matches()) {
            IOException plain = new java.net.BindException(m.group(1));
            plain.initCause(e);
            return plain;
        }
        return e instanceof IOException io ? io : new IOException(e);
    }

    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (serverChannel != null) {
            serverChannel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        }
        channels.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
        if (ownsGroup) {
            group.shutdownGracefully(0, 5, TimeUnit.SECONDS);
            if (!group.next().inEventLoop()) {
                try {
                    group.awaitTermination(5, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
