package io.pulseio.nodes.socketio.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.client.AckTimeoutException;
import io.pulseio.client.ClientListener;
import io.pulseio.client.DisconnectReason;
import io.pulseio.client.SendBufferFullException;
import io.pulseio.client.ServerText;
import io.pulseio.client.SocketIoException;
import io.pulseio.client.SocketListener;
import io.pulseio.client.Transport;
import io.pulseio.nodes.socketio.internal.client.Connection.State;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;

/**
 * What the client's callbacks do to one {@link Connection}: its listeners (for the connection and for each
 * namespace), the executor it delivers them through, and the stamp that tells a callback of an attempt
 * given up since from one of the current attempt. {@link #deliver} runs on the client's event loop; the
 * rest runs on the logic thread.
 */
final class ClientCallbacks {
    private final Connection connection;
    private final ConnectionSettings settings;
    private final ConnectionListeners events;
    private final Executor logic;
    /** Whether the client's connection closed (onClose) since it last opened: no session is open. */
    private boolean sessionClosed = true;
    /**
     * Counts the Starts that leave {@code IDLE}. Each client callback is stamped, when the client queues it,
     * with the count of that moment; one stamped before the latest Start belongs to an attempt given up
     * since (Stop while connecting, reconnection given up, refused) and changes no state. Written on the
     * logic thread, read on the client's event loop.
     */
    private volatile int generation;
    /** The stamp of the client callback running now (logic thread). */
    private int delivering;

    ClientCallbacks(Connection connection, ConnectionSettings settings, ConnectionListeners events, Executor logic) {
        this.connection = connection;
        this.settings = settings;
        this.events = events;
        this.logic = logic;
    }

    /** A Start leaves {@code IDLE}: callbacks queued from now on follow it. */
    void started() {
        generation++;
    }

    /** The client's callback executor: the logic executor, each callback stamped with the Start it follows. */
    void deliver(Runnable callback) {
        int stamp = generation;
        logic.execute(() -> {
            int outer = delivering;
            delivering = stamp;
            try {
                callback.run();
            } finally {
                delivering = outer;
            }
        });
    }

    /** The listener of the client's connection. */
    ClientListener forConnection() {
        return new ConnectionEvents();
    }

    /** The listener of the namespace's socket. */
    SocketListener forNamespace(Namespace n) {
        return new NamespaceEvents(n);
    }

    /**
     * The reason a Stop ends with when the client's connection closed: {@code io client disconnect} for the
     * close the Stop asked for ({@code forced close}), else the engine's reason, which has Socket.IO's name
     * (an unknown one counts as {@code transport error}, as the client's sockets count it).
     */
    static DisconnectReason stopReason(String engineReason) {
        if ("forced close".equals(engineReason)) {
            return DisconnectReason.IO_CLIENT_DISCONNECT;
        }
        DisconnectReason r = DisconnectReason.ofWireName(engineReason);
        return r != null ? r : DisconnectReason.TRANSPORT_ERROR;
    }

    /** Whether the running callback was queued before the latest Start (see {@link #generation}). */
    private boolean stale() {
        return delivering != generation;
    }

    private final class ConnectionEvents implements ClientListener {
        @Override
        public void onOpen(Transport transport) {
            events.connectionState("open", transport.wireName());
            if (stale()) {
                return;
            }
            sessionClosed = false;
        }

        @Override
        public void onTransport(Transport transport) {
            events.connectionState("transport", transport.wireName());
        }

        @Override
        public void onClose(String reason, Throwable cause) {
            events.connectionState("closed", reason);
            if (stale()) {
                return;
            }
            sessionClosed = true;
            if (connection.state() == State.STOPPING) {
                connection.stopped(stopReason(reason));
            }
        }

        @Override
        public void onReconnectAttempt(int attempt) {
            events.connectionState("reconnecting", "attempt " + attempt);
        }

        @Override
        public void onReconnectFailed() {
            if (stale()) {
                return;
            }
            State state = connection.state();
            if (state == State.CONNECTING || state == State.RECONNECTING) {
                connection.moveTo(State.IDLE);
                connection.leaveAll();
                events.error(
                        "/",
                        "gave up after " + settings.reconnection().attempts() + " reconnection attempts",
                        ConnectionReason.RECONNECT_FAILED,
                        true);
            }
        }
    }

    private final class NamespaceEvents implements SocketListener {
        private final Namespace n;

        NamespaceEvents(Namespace n) {
            this.n = n;
        }

        @Override
        public void onConnect() {
            if (stale() || !connection.isStarted()) {
                return;
            }
            n.joined = true;
            if (n.isDefault()) {
                if (connection.state() != State.OPEN) {
                    connection.moveTo(State.OPEN);
                    events.connectionState("started", n.socket.id());
                    events.started();
                    connection.completeStart();
                }
            } else {
                events.connectionState("joined", n.name);
            }
            List<String> waiting = new ArrayList<>(n.awaitingJoin);
            n.awaitingJoin.clear();
            waiting.forEach(e -> events.subscribed(n.name, e));
        }

        @Override
        public void onDisconnect(DisconnectReason reason) {
            if (stale()) {
                return;
            }
            n.joined = false;
            if (n.isDefault() && connection.state() == State.STOPPING && sessionClosed) {
                // the connection was lost just before a Stop (its onClose came while still OPEN, and no
                // other will come): this is the session's last callback, so it ends the stop
                connection.stopped(reason);
                return;
            }
            if (reason == DisconnectReason.IO_CLIENT_DISCONNECT) {
                return;
            }
            if (!n.isDefault()) {
                if (reason == DisconnectReason.IO_SERVER_DISCONNECT && connection.isStarted()) {
                    events.error(n.name, "the server disconnected the namespace", ConnectionReason.of(reason), true);
                }
                return;
            }
            if (connection.state() != State.OPEN) {
                return;
            }
            boolean again = reason.reconnects() && settings.reconnection().enabled();
            connection.moveTo(again ? State.RECONNECTING : State.IDLE);
            if (!again) {
                connection.leaveAll();
            }
            events.stopped(reason);
            if (reason != DisconnectReason.IO_SERVER_DISCONNECT) {
                events.error("/", "connection lost: " + reason.wireName(), ConnectionReason.of(reason), true);
            }
        }

        @Override
        public void onConnectError(String raw, JsonNode data) {
            var client = connection.client();
            if (stale() || !connection.isStarted() || client == null) {
                return;
            }
            // A server's message reaches logs, traces and Print nodes: escaped and capped.
            String message = ServerText.shown(raw);
            // The client's own timeouts: "timeout: … within 10 s (connect timeout)".
            boolean timeout = message.equals("timeout") || message.startsWith("timeout: ");
            boolean refused = !timeout && (!n.socket.active() || client.isOpen());
            if (refused) {
                n.awaitingJoin.clear();
                events.connectionState("refused", n.name + ": " + message);
                if (n.isDefault()) {
                    connection.moveTo(State.IDLE);
                    connection.leaveAll();
                }
                events.error(n.name, message, ConnectionReason.NAMESPACE_REFUSED, true);
                return;
            }
            if (!n.isDefault() && !client.isOpen()) {
                return;
            }
            events.error(
                    n.name, message, timeout ? ConnectionReason.CONNECT_TIMEOUT : ConnectionReason.CONNECT_ERROR, true);
            if (n.isDefault() && !settings.reconnection().enabled()) {
                connection.moveTo(State.IDLE);
                connection.leaveAll();
            }
        }

        @Override
        public void onEmitFailed(String event, SocketIoException error) {
            ConnectionReason reason = error instanceof SendBufferFullException
                    ? ConnectionReason.SEND_BUFFER_FULL
                    : error instanceof AckTimeoutException ? ConnectionReason.ACK_TIMEOUT : ConnectionReason.ACK_LOST;
            String message = error instanceof AckTimeoutException
                    // sent, and resent `retries` times, with no ack each time
                    ? "no ack for '" + event + "' within " + settings.ackTimeoutMillis() + " ms ("
                            + (settings.retries() + 1) + " tries)"
                    : "event '" + event + "' not sent: " + error.getMessage();
            events.error(n.name, message, reason, true);
        }
    }
}
