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
 * Fires the event listener nodes of one connection (each listener fires only for the connection named by
 * its {@code configuration}). Any thread; the runtime runs each as an event on the logic thread (right
 * after the client callback that fired it, or queued when a node fired it).
 */
final class Events {
    private final PluginContext context;
    private final String connection;
    private final Predicate<Attributes> mine;

    /** The events of the project's only connection. */
    Events(PluginContext context, String connection) {
        this(context, connection, java.util.List.of(connection));
    }

    /** {@code names}: every connection of the project (a node naming none means the only one). */
    Events(PluginContext context, String connection, java.util.List<String> names) {
        this.context = context;
        this.connection = connection;
        this.mine = a -> connection.equals(DefaultOwner.resolve(a.string(NodeTypes.CONFIGURATION), names));
    }

    void started() {
        context.fireListeners(NodeTypes.ON_START, mine, Map.of());
    }

    void stopped(DisconnectReason reason) {
        context.fireListeners(NodeTypes.ON_STOP, mine, Map.of("reason", reason.wireName()));
    }

    /** Fires On Socket.IO Error; {@code trace} also records it as a plugin error (not for node failures,
     * which the runtime has traced already). */
    void error(String namespace, String message, Reason reason, boolean trace) {
        String why = reason.wireName();
        if (trace) {
            context.reportError(null, connection + ": " + message + " (" + why + ")", null);
        }
        context.fireErrorListeners(NodeTypes.ON_ERROR, mine,
                Map.of("namespace", namespace, "message", message, "reason", why),
                "connection " + connection + ": " + message + " (" + why + ")");
    }

    void received(String namespace, String event, String message) {
        context.fireListeners(NodeTypes.ON_RECEIVE, a -> mine.test(a) && matches(a, NodeTypes.EVENT_NAME, event)
                        && matches(a, NodeTypes.NAMESPACE, namespace),
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

    void subscribed(String namespace, String event) {
        context.fireListeners(NodeTypes.ON_SUBSCRIBE, mine, Map.of("namespace", namespace, "eventName", event));
    }

    void unsubscribed(String namespace, String event) {
        context.fireListeners(NodeTypes.ON_UNSUBSCRIBE, mine, Map.of("namespace", namespace, "eventName", event));
    }

    void connectionState(String state, String detail) {
        PluginTrace.state(context, connection, state, detail);
    }

    /** An empty filter attribute matches anything, and so does an event name filter {@code *}. */
    private static boolean matches(Attributes a, String attribute, String value) {
        String filter = a.string(attribute);
        return filter == null || filter.isEmpty() || filter.equals(value)
                || (attribute.equals(NodeTypes.EVENT_NAME) && filter.equals(AutoSubscriptions.EVERY_EVENT));
    }
}
