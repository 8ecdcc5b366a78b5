/**
 * The Socket.IO v4 client. Its API is the flat package {@code io.pulseio.client}; the engine, the
 * transports and the Netty pipelines ({@code io.pulseio.client.internal..}) are not exported.
 *
 * <p>Event loops use Linux epoll where Netty's native transport loads. Its native library ships in
 * the platform-specific module {@code io.netty.transport.epoll.linux.x86_64}, which nothing requires
 * (a library does not pin a platform): on the class path it is found as is; an application on the
 * module path adds it with {@code --add-modules io.netty.transport.epoll.linux.x86_64}, or the loops
 * fall back to NIO.
 */
module io.pulseio.client {
    requires transitive com.fasterxml.jackson.databind;
    requires io.pulseio.protocol;
    requires io.netty.buffer;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires org.slf4j;

    exports io.pulseio.client;
}
