package io.pulseio.nodes.socketio.internal.client;

import io.pulseio.client.DisconnectReason;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.PluginTrace;
import io.pulseio.nodes.socketio.internal.shared.Reason;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The listener nodes of one connection (each listener fires only for the connection named by its
 * {@code configuration}), and its trace records. Any thread; the runtime runs each listener as an event on
 * the logic thread (right after the client callback that fired it, or queued when a node fired it).
 */
final class ConnectionListeners {
    private final PluginContext context;
    private final String connection;
    private final Predicate<Attributes> mine;

    /** The events of the project's only connection. */
    ConnectionListeners(PluginContext context, String connection) {
        this(context, connection, java.util.List.of(connection));
    }

    /** {@code names}: every connection of the project (a node naming none means the only one). */
    ConnectionListeners(PluginContext context, String connection, java.util.List<String> names) {
        this.context = context;
        this.connection = connection;
        this.mine = a -> connection.equals(DefaultOwner.resolve(a.string(ClientNodes.CONFIGURATION), names));
    }

    /** On Socket.IO Start. */
    void started() {
        context.fireListeners(StartNode.ON_START, mine, Map.of());
    }

    /** On Socket.IO Stop. */
    void stopped(DisconnectReason reason) {
        context.fireListeners(StopNode.ON_STOP, mine, Map.of("reason", reason.wireName()));
    }

    /** Fires On Socket.IO Error; {@code trace} also records it as a plugin error (not for node failures,
     * which the runtime has traced already). */
    void error(String namespace, String message, Reason reason, boolean trace) {
        String why = reason.wireName();
        if (trace) {
            context.reportError(null, connection + ": " + message + " (" + why + ")", null);
        }
        context.fireErrorListeners(
                OnErrorNode.ID,
                mine,
                Map.of("namespace", namespace, "message", message, "reason", why),
                "connection " + connection + ": " + message + " (" + why + ")");
    }

    /** On Socket.IO Receive: the listeners whose filters accept the event. */
    void received(String namespace, String event, String message) {
        context.fireListeners(
                OnReceiveNode.ID,
                a -> mine.test(a) && OnReceiveNode.accepts(a, namespace, event),
                Map.of("namespace", namespace, "triggerName", event, "message", message));
    }

    /** PluginTrace a received event, then fires the matching On Socket.IO Receive listeners. */
    void receivedTraced(String namespace, String event, String message) {
        PluginTrace.received(context, connection, namespace, event, message);
        received(namespace, event, message);
    }

    /** Whether the run writes a trace: without one, sent events need no listener and no payload text. */
    boolean tracing() {
        return context.tracing();
    }

    /** PluginTrace an event handed to the connection. */
    void sent(String namespace, String event, String message) {
        PluginTrace.sent(context, connection, namespace, event, message);
    }

    /** On Socket.IO Subscribe. */
    void subscribed(String namespace, String event) {
        context.fireListeners(SubscribeNode.ON_SUBSCRIBE, mine, Map.of("namespace", namespace, "eventName", event));
    }

    /** On Socket.IO Unsubscribe. */
    void unsubscribed(String namespace, String event) {
        context.fireListeners(UnsubscribeNode.ON_UNSUBSCRIBE, mine, Map.of("namespace", namespace, "eventName", event));
    }

    void connectionState(String state, String detail) {
        PluginTrace.state(context, connection, state, detail);
    }
}
