package io.pulseio.nodes.socketio.internal;

import io.pulseio.client.Socket;
import io.pulseio.client.Subscription;
import io.pulseio.logic.time.Cancellable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a connection knows of one namespace. Logic thread only. */
final class Namespace {
    final String name;
    /** Null until the connection's client exists. */
    Socket socket;
    /** Subscribed events; the value is the client listener, null while there is no client yet. */
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    /** Subscribe calls whose On Socket.IO Subscribe waits for the namespace to be joined (one per call). */
    final List<String> awaitingJoin = new ArrayList<>();
    boolean joined;
    /** A leave waiting out its grace period (see {@link Connection#LEAVE_DELAY_MILLIS}), or null. */
    Cancellable pendingLeave;

    Namespace(String name) {
        this.name = name;
    }

    /** Calls off a pending leave: the namespace is in use again. */
    void keep() {
        if (pendingLeave != null) {
            pendingLeave.cancel();
            pendingLeave = null;
        }
    }

    boolean isDefault() {
        return "/".equals(name);
    }

    /**
     * Leaves the namespace (the client closes the connection when no namespace is left). Always asks the
     * client: a {@code connect()} issued just before may not have reached its event loop yet.
     */
    void leave() {
        keep();
        joined = false;
        if (socket != null) {
            socket.disconnect();
        }
    }
}
