package io.pulseio.nodes.socketio.internal;

import io.pulseio.client.Socket;
import io.pulseio.client.Subscription;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** What a connection knows of one namespace. Logic thread only. */
final class Namespace {
    final String name;
    /** Null until the connection's client exists. */
    Socket socket;
    /** Subscribed events; the value is the client listener, null while there is no client yet. */
    final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
    /** Subscriptions whose On Socket.IO Subscribe waits for the namespace to be joined. */
    final Set<String> awaitingJoin = new LinkedHashSet<>();
    boolean joined;

    Namespace(String name) {
        this.name = name;
    }

    boolean isDefault() {
        return "/".equals(name);
    }

    /**
     * Leaves the namespace (the client closes the connection when no namespace is left). Always asks the
     * client: a {@code connect()} issued just before may not have reached its event loop yet.
     */
    void leave() {
        joined = false;
        if (socket != null) {
            socket.disconnect();
        }
    }
}
