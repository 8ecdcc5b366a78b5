package io.pulseio.server;

import java.time.Duration;

/**
 * Servers configured as the official black-box conformance suites of the socket.io project
 * expect them (ping interval 300 ms, ping timeout 200 ms, max payload 1 000 000, CORS {@code *}),
 * on one event loop thread, as the single-threaded Node.js server they were written against: some
 * cases send two requests of one session on two connections a few milliseconds apart and expect
 * them handled in that order, which several loop threads do not promise when one of them waits
 * for a CPU (docs/server.md, "The conformance servers run on one event loop").
 *
 * <p>Engine.IO mode serves {@code /engine.io/} and echoes every message as it came. Socket.IO mode
 * serves {@code /socket.io/} with a 1 s connect timeout and the namespaces {@code /} and
 * {@code /custom}; on each connection it emits {@code auth} with the handshake's auth object,
 * answers {@code message} with {@code message-back} and the same arguments, and acknowledges
 * {@code message-with-ack} with its arguments.
 */
public final class Conformance {
    /** The modes, as named on the command line. */
    public enum Mode {
        ENGINE_IO("engine.io"),
        SOCKET_IO("socket.io");

        private final String label;

        Mode(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        /** The mode labelled {@code label} ({@code engine.io} or {@code socket.io}), or null. */
        public static Mode ofLabel(String label) {
            for (Mode m : values()) {
                if (m.label.equals(label)) {
                    return m;
                }
            }
            return null;
        }
    }

    private Conformance() {}

    /** The options the suites expect, on {@code port}, for the given mode's path. */
    public static ServerOptions options(Mode mode, int port) {
        return ServerOptions.builder()
                .port(port)
                .path(mode == Mode.ENGINE_IO ? "/engine.io/" : "/socket.io/")
                .pingInterval(Duration.ofMillis(300))
                .pingTimeout(Duration.ofMillis(200))
                .maxHttpBufferSize(1_000_000)
                .corsOrigins("*")
                .connectTimeout(Duration.ofMillis(1000))
                .ioThreads(1)
                .build();
    }

    /** An Engine.IO server that echoes every message, text as text and binary as binary. */
    public static EngineServer engineIo(ServerOptions options) {
        EngineServer server = EngineServer.create(options);
        server.onConnection(socket -> socket.listen(new EngineSocket.Listener() {
            @Override
            public void onMessage(String text) {
                socket.send(text);
            }

            @Override
            public void onBinary(byte[] data) {
                socket.send(data);
            }
        }));
        return server;
    }

    /**
     * A Socket.IO server for the v5 suite: namespaces {@code /} and {@code /custom}; emits
     * {@code auth}, echoes {@code message} as {@code message-back}, acknowledges
     * {@code message-with-ack} with its arguments.
     */
    public static SocketIoServer socketIo(ServerOptions options) {
        SocketIoServer server = SocketIoServer.create(options);
        java.util.function.Consumer<ServerSocket> behaviour = socket -> {
            socket.emit("auth", socket.handshake().auth());
            socket.on("message", (args, ack) -> socket.emit("message-back", args.toArray()));
            socket.on("message-with-ack", (args, ack) -> {
                if (ack != null) {
                    ack.send(args.toArray());
                }
            });
        };
        server.namespace("/").onConnection(behaviour);
        server.namespace("/custom").onConnection(behaviour);
        return server;
    }
}
