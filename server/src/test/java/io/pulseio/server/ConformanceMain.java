package io.pulseio.server;

/** Runs a conformance server on a port until killed: {@code ConformanceMain engine.io 3000}. */
public final class ConformanceMain {
    private ConformanceMain() {}

    public static void main(String[] args) throws Exception {
        Conformance.Mode mode = Conformance.Mode.ofLabel(args[0]);
        int port = Integer.parseInt(args[1]);
        AutoCloseable server;
        int bound;
        if (mode == Conformance.Mode.ENGINE_IO) {
            EngineServer s = Conformance.engineIo(Conformance.options(mode, port));
            bound = s.start();
            server = s;
        } else if (mode == Conformance.Mode.SOCKET_IO) {
            SocketIoServer s = Conformance.socketIo(Conformance.options(mode, port));
            bound = s.start();
            server = s;
        } else {
            throw new IllegalArgumentException("unknown mode " + args[0]);
        }
        System.out.println("listening on " + bound);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                e.printStackTrace();
            }
        }));
        Thread.currentThread().join();
    }
}
