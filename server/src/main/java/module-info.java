/**
 * The Socket.IO v4 server. Its API is the flat package {@code io.pulseio.server}; the engine, the
 * Netty pipelines and the socket/namespace implementations ({@code io.pulseio.server.internal..})
 * are not exported. {@link io.pulseio.server.Adapter} broadcasts protocol packets, so the protocol
 * module comes along for every reader.
 *
 * <p>Event loops use Linux epoll where Netty's native transport loads. Its native library ships in
 * the platform-specific module {@code io.netty.transport.epoll.linux.x86_64}, which nothing requires
 * (a library does not pin a platform): on the class path it is found as is; an application on the
 * module path adds it with {@code --add-modules io.netty.transport.epoll.linux.x86_64}, or the loops
 * fall back to NIO.
 */
module io.pulseio.server {
    requires transitive com.fasterxml.jackson.databind;
    requires transitive io.pulseio.protocol;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.codec.http;
    requires io.netty.common;
    requires io.netty.handler;
    requires io.netty.transport;
    requires io.netty.transport.classes.epoll;
    requires org.slf4j;

    exports io.pulseio.server;

    uses io.pulseio.server.AdapterProvider;
}
