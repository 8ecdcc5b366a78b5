package io.pulseio.interop;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Socket;
import io.pulseio.client.SocketIoClient;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A pulseio client in a cluster test: keeps every event it got; answers acks with name + ":ack". */
final class JavaClusterClient implements AutoCloseable {
    record Got(String event, List<JsonNode> args) {}

    final String name;
    final SocketIoClient client;
    final Socket socket;
    final List<Got> got = new CopyOnWriteArrayList<>();
    final CompletableFuture<Void> disconnected = new CompletableFuture<>();

    JavaClusterClient(String name, String url) throws Exception {
        this(
                name,
                ClientOptions.builder(url)
                        .transports(Transport.WEBSOCKET)
                        .reconnection(false)
                        .build());
    }

    /** With these options (it connects and waits for the connect). */
    JavaClusterClient(String name, ClientOptions options) throws Exception {
        this.name = name;
        client = SocketIoClient.create(options);
        socket = client.socket();
        CompletableFuture<Void> connected = new CompletableFuture<>();
        socket.addListener(new SocketListener() {
            @Override
            public void onConnect() {
                connected.complete(null);
            }

            @Override
            public void onDisconnect(io.pulseio.client.DisconnectReason reason) {
                disconnected.complete(null);
            }
        });
        socket.onAny((event, args, ack) -> {
            got.add(new Got(event, args));
            if (ack != null) {
                ack.send(name + ":ack");
            }
        });
        socket.connect();
        connected.get(10, TimeUnit.SECONDS);
    }

    /** Waits for an event; returns what came with it. */
    Got await(String event) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            for (Got g : got) {
                if (g.event().equals(event)) {
                    return g;
                }
            }
            Thread.sleep(10);
        }
        throw new AssertionError(name + " did not get " + event + "; got " + got);
    }

    boolean hasGot(String event) {
        return got.stream().anyMatch(g -> g.event().equals(event));
    }

    void join(String room) throws Exception {
        socket.emitWithAck("join", room).get(10, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        client.close();
    }
}
