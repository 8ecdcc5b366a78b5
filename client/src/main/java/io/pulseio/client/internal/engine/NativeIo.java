package io.pulseio.client.internal.engine;

import io.netty.channel.EventLoop;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;

/**
 * The I/O layer under the event loops: Linux epoll through Netty's native transport where it
 * loads, the JDK's NIO selector elsewhere. Both behave the same; epoll costs less per wake-up,
 * which is most of a round trip on loopback. {@code -Dpulseio.io=nio} forces NIO.
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

    /** The socket channel class that can be registered with {@code loop}. */
    static Class<? extends SocketChannel> socketChannel(EventLoop loop) {
        if (loop instanceof IoEventLoop io && io.isIoType(EpollIoHandler.class)) {
            return EpollSocketChannel.class;
        }
        return NioSocketChannel.class;
    }
}
