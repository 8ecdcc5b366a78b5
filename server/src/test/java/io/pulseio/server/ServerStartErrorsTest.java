package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** Starting a server that cannot serve fails at start() with a message naming the cause. */
class ServerStartErrorsTest {

    @Test
    void aPortAlreadyInUseFailsStartNamingTheAddress() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket taken = new ServerSocket(0, 50, loopback)) {
            int port = taken.getLocalPort();
            SocketIoServer server = SocketIoServer.create(ServerOptions.builder()
                    .host(loopback.getHostAddress())
                    .port(port)
                    .build());
            try {
                assertThatThrownBy(server::start)
                        .isInstanceOf(UncheckedIOException.class)
                        .hasMessageStartingWith("cannot bind ")
                        // the system's words, alike on epoll and NIO (no "bind(..) failed with error(-98)")
                        .hasMessageEndingWith(":" + port + ": Address already in use");
            } finally {
                server.close();
            }
        }
    }

    @Test
    void startingTwiceFails() {
        SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").port(0).build());
        try {
            assertThat(server.start()).isPositive();
            assertThatThrownBy(server::start)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("server already started");
        } finally {
            server.close();
        }
    }
}
