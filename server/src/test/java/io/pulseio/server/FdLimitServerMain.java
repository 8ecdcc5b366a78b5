package io.pulseio.server;

import java.io.IOException;

/**
 * A server for {@link FdLimitTest}, run in a child JVM under a low file descriptor limit: prints
 * {@code port N}, then serves until its standard input ends.
 */
public final class FdLimitServerMain {
    private FdLimitServerMain() {}

    public static void main(String[] args) throws IOException {
        try (SocketIoServer server = SocketIoServer.create(
                ServerOptions.builder().host("127.0.0.1").ioThreads(1).build())) {
            server.sockets().onConnection(socket -> socket.on("ping", (a, ack) -> socket.emit("pong")));
            int port = server.start();
            System.out.println("port " + port);
            System.out.flush();
            while (System.in.read() >= 0) {
                // serve until the parent closes our input
            }
        }
    }
}
