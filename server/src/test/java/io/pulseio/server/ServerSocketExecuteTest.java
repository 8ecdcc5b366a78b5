package io.pulseio.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link ServerSocket#execute}: tasks on the socket's event loop. */
class ServerSocketExecuteTest {
    private SocketIoServer server;
    private int port;
    private final LinkedBlockingQueue<Object> seen = new LinkedBlockingQueue<>();

    @BeforeEach
    void create() {
        server = SocketIoServer.create(ServerOptions.builder().ioThreads(2).build());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private WsClient connect() {
        port = server.start();
        WsClient ws = WsClient.socketIo(port, "40");
        assertThat(ws.nextText()).startsWith("40{");
        return ws;
    }

    private Object seen() throws InterruptedException {
        Object o = seen.poll(5, TimeUnit.SECONDS);
        assertThat(o).as("expected something from the server side").isNotNull();
        return o;
    }

    @Test
    void aTaskGivenOnTheLoopRunsThereAfterTheCurrentTask() throws Exception {
        server.sockets().onConnection(socket -> {
            Thread listenerThread = Thread.currentThread();
            socket.execute(() ->
                    seen.add("first task, on the listener's thread: " + (Thread.currentThread() == listenerThread)));
            socket.execute(() -> seen.add("second task"));
            seen.add("listener done");
        });
        try (WsClient ws = connect()) {
            assertThat(seen()).isEqualTo("listener done");
            assertThat(seen()).isEqualTo("first task, on the listener's thread: true");
            assertThat(seen()).isEqualTo("second task");
        }
    }

    @Test
    void tasksFromAnotherThreadRunInOrderOnTheListenersThread() throws Exception {
        server.sockets().onConnection(socket -> {
            seen.add(socket);
            seen.add(Thread.currentThread());
        });
        try (WsClient ws = connect()) {
            ServerSocket socket = (ServerSocket) seen();
            Thread listenerThread = (Thread) seen();
            List<Integer> ran = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int n = i;
                socket.execute(() -> {
                    if (Thread.currentThread() != listenerThread) {
                        seen.add("task " + n + " ran on "
                                + Thread.currentThread().getName());
                    }
                    ran.add(n);
                });
            }
            socket.execute(() -> seen.add(List.copyOf(ran)));
            Object result = seen();
            assertThat(result).isInstanceOf(List.class);
            assertThat((List<?>) result).hasSize(1000).isSorted();
        }
    }

    @Test
    void aFailingTaskIsLoggedAndTheNextOneStillRuns() throws Exception {
        server.sockets().onConnection(seen::add);
        try (WsClient ws = connect()) {
            ServerSocket socket = (ServerSocket) seen();
            socket.execute(() -> {
                throw new IllegalStateException("a failing task (expected by the test)");
            });
            socket.execute(() -> seen.add("next"));
            assertThat(seen()).isEqualTo("next");
            assertThat(socket.connected()).isTrue();
        }
    }

    @Test
    void tasksQueuedAtOrGivenAfterTheDisconnectAreDropped() throws Exception {
        server.sockets().onConnection(socket -> {
            seen.add(socket);
            socket.onDisconnect(seen::add);
        });
        server.namespace("/other").onConnection(seen::add);
        try (WsClient ws = connect()) {
            ServerSocket main = (ServerSocket) seen();
            ws.send("40/other,");
            assertThat(ws.nextText()).startsWith("40/other,{");
            ServerSocket other = (ServerSocket) seen();
            // Both sockets share the connection's loop, so a task of the other socket given later
            // runs after anything given earlier for the main one.
            main.execute(() -> {
                main.execute(() -> seen.add("queued at the disconnect"));
                main.disconnect(false);
                other.execute(() -> seen.add("marker 1"));
            });
            assertThat(seen()).isEqualTo(DisconnectReason.SERVER_NAMESPACE_DISCONNECT);
            assertThat(seen()).isEqualTo("marker 1");
            main.execute(() -> seen.add("given after the disconnect"));
            other.execute(() -> seen.add("marker 2"));
            assertThat(seen()).isEqualTo("marker 2");
            // both dropped tasks were given before the markers, which run in order after them
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void afterTheServerClosedATaskIsDroppedWithoutAnError() throws Exception {
        server.sockets().onConnection(seen::add);
        try (WsClient ws = connect()) {
            ServerSocket socket = (ServerSocket) seen();
            server.close(); // returns once the loops have ended: the task cannot run later
            socket.execute(() -> seen.add("ran after the close"));
            assertThat(seen).isEmpty();
        }
    }

    @Test
    void aNullTaskIsRejected() throws Exception {
        server.sockets().onConnection(seen::add);
        try (WsClient ws = connect()) {
            ServerSocket socket = (ServerSocket) seen();
            assertThatThrownBy(() -> socket.execute(null))
                    .isInstanceOf(NullPointerException.class)
                    .hasMessage("task");
        }
    }
}
