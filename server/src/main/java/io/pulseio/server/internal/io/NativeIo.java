package io.pulseio.server.internal.io;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;

/**
 * The I/O layer under the server's event loops: Linux epoll through Netty's native transport where
 * it loads, the JDK's NIO selector elsewhere. Both behave the same; epoll costs less per wake-up.
 * {@code -Dpulseio.io=nio} forces NIO.
 */
public final class NativeIo {
    private static final boolean EPOLL =
            !"nio".equalsIgnoreCase(System.getProperty("pulseio.io", "")) && Epoll.isAvailable();

    private NativeIo() {}

    /** The handler factory for new event loop groups. */
    public static IoHandlerFactory handlerFactory() {
        return EPOLL ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }

    /** "epoll" or "nio": what {@link #handlerFactory()} gives. */
    public static String name() {
        return EPOLL ? "epoll" : "nio";
    }

    /** The listening channel class that can be registered with {@code group}'s loops. */
    public static Class<? extends ServerSocketChannel> serverChannel(EventLoopGroup group) {
        if (group instanceof IoEventLoopGroup io && io.isIoType(EpollIoHandler.class)) {
            return EpollServerSocketChannel.class;
        }
        return NioServerSocketChannel.class;
    }
}
