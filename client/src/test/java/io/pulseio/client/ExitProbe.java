package io.pulseio.client;

import java.util.concurrent.TimeUnit;

/**
 * Run in a child JVM by {@link ThreadsTest}: connects to the URL in {@code args[0]}, makes a round
 * trip, closes the client and returns from main. The JVM must then exit by itself.
 */
public final class ExitProbe {
    private ExitProbe() {}

    public static void main(String[] args) throws Exception {
        ClientOptions options =
                ClientOptions.builder(args[0]).transports(Transport.WEBSOCKET).build();
        SocketIoClient client = SocketIoClient.create(options);
        Socket socket = client.socket().connect();
        socket.emitWithAck("echo", "x").get(10, TimeUnit.SECONDS);
        client.close();
        System.out.println("CLOSED");
    }
}
