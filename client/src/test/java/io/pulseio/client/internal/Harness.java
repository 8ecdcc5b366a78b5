package io.pulseio.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.embedded.EmbeddedChannel;
import io.pulseio.client.ClientListener;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.SocketIoException;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A Manager on an embedded event loop in frozen time, over {@link FakeEngine}s: the test runs the
 * loop's tasks with {@link #run()} and moves time with {@link #advance(long)}.
 */
final class Harness implements AutoCloseable {
    final EmbeddedChannel channel = new EmbeddedChannel();
    final List<FakeEngine> engines = new ArrayList<>();
    final Manager manager;
    final List<String> events = new ArrayList<>();
    /** When set, the next engines fail to be made with it (as a setting the engine cannot use would). */
    RuntimeException failCreate;

    Harness(ClientOptions.Builder options) {
        channel.freezeTime();
        manager = new Manager(
                options.build(),
                channel.eventLoop(),
                (o, loop, l) -> {
                    if (failCreate != null) {
                        throw failCreate;
                    }
                    FakeEngine e = new FakeEngine(o, l);
                    engines.add(e);
                    return e;
                },
                null);
        manager.addListener(new ClientListener() {
            @Override
            public void onOpen(Transport transport) {
                events.add("open");
            }

            @Override
            public void onClose(String reason, Throwable cause) {
                events.add("close " + reason);
            }

            @Override
            public void onReconnectAttempt(int attempt) {
                events.add("reconnect_attempt " + attempt);
            }

            @Override
            public void onReconnect(int attempt) {
                events.add("reconnect " + attempt);
            }

            @Override
            public void onReconnectError(Throwable error) {
                events.add("reconnect_error " + error.getMessage());
            }

            @Override
            public void onReconnectFailed() {
                events.add("reconnect_failed");
            }
        });
    }

    static ClientOptions.Builder options() {
        return ClientOptions.builder("http://localhost:3000").randomizationFactor(0);
    }

    /** Records a socket's lifecycle into {@link #events}. */
    SocketListener recorder(String name) {
        return new SocketListener() {
            @Override
            public void onConnect() {
                events.add(name + " connect");
            }

            @Override
            public void onDisconnect(DisconnectReason reason) {
                events.add(name + " disconnect " + reason.wireName());
            }

            @Override
            public void onConnectError(String message, JsonNode data) {
                events.add(name + " connect_error " + message + (data == null ? "" : " " + data));
            }

            @Override
            public void onEmitFailed(String event, SocketIoException error) {
                events.add(name + " emit_failed " + event + " " + error.getMessage());
            }
        };
    }

    void run() {
        channel.runPendingTasks();
    }

    void advance(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
    }

    FakeEngine engine() {
        return engines.get(engines.size() - 1);
    }

    List<String> takeEvents() {
        List<String> out = new ArrayList<>(events);
        events.clear();
        return out;
    }

    @Override
    public void close() {
        manager.close();
        run();
        channel.finishAndReleaseAll();
    }
}
