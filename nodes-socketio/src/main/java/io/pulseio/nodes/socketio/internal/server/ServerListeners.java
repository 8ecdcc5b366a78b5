package io.pulseio.nodes.socketio.internal.server;

import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.PluginTrace;
import io.pulseio.nodes.socketio.internal.shared.Reason;
import io.pulseio.server.DisconnectReason;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The listener nodes of one hosted server (each listener fires only for the server named by its
 * {@code server} attribute), and the trace records of what the server does. Any thread: the runtime runs each
 * listener as an event on the logic thread, in call order.
 */
final class ServerListeners {
    private final PluginContext context;
    private final String server;
    private final Predicate<Attributes> mine;

    /** The events of the project's only server. */
    ServerListeners(PluginContext context, String server) {
        this(context, server, java.util.List.of(server));
    }

    /** {@code names}: every server of the project (a node naming none means the only one). */
    ServerListeners(PluginContext context, String server, java.util.List<String> names) {
        this.context = context;
        this.server = server;
        this.mine = a -> server.equals(DefaultOwner.resolve(a.string(ServerNodes.SERVER), names));
    }

    /** On Socket.IO Server Start. */
    void started(int port) {
        PluginTrace.state(context, server, "listening", "port " + port);
        context.fireListeners(ServerStartNode.ON_SERVER_START, mine, Map.of("port", (double) port));
    }

    /** On Socket.IO Server Stop. */
    void stopped(ServerReason reason) {
        PluginTrace.state(context, server, "closed", reason.wireName());
        context.fireListeners(ServerStopNode.ON_SERVER_STOP, mine, Map.of("reason", reason.wireName()));
    }

    /** On Socket.IO Client Connect. */
    void clientConnected(String clientId, String namespace, String auth) {
        PluginTrace.state(context, server, "client connected", clientId + " " + namespace);
        context.fireListeners(
                OnClientConnectNode.ID, mine, Map.of("clientId", clientId, "namespace", namespace, "auth", auth));
    }

    /** On Socket.IO Client Disconnect, with Socket.IO's reason. */
    void clientDisconnected(String clientId, String namespace, DisconnectReason disconnect) {
        String reason = disconnect.reason();
        PluginTrace.state(context, server, "client disconnected", clientId + " " + namespace + " (" + reason + ")");
        context.fireListeners(
                DisconnectClientNode.ON_CLIENT_DISCONNECT,
                mine,
                Map.of("clientId", clientId, "namespace", namespace, "reason", reason));
    }

    /** On Socket.IO Server Receive: the listeners whose filters accept the event. */
    void received(String clientId, String namespace, String event, String message, String ackId) {
        PluginTrace.received(context, server, namespace, event, message);
        context.fireListeners(
                OnServerReceiveNode.ID,
                a -> mine.test(a) && OnServerReceiveNode.accepts(a, namespace, event),
                Map.of(
                        "clientId",
                        clientId,
                        "namespace",
                        namespace,
                        "eventName",
                        event,
                        "message",
                        message,
                        "ackId",
                        ackId));
    }

    void sent(String namespace, String event, String message) {
        PluginTrace.sent(context, server, namespace, event, message);
    }

    /** Fires On Socket.IO Server Error; {@code trace} also records it (not for node failures, already traced). */
    void error(String clientId, String namespace, String message, Reason reason, boolean trace) {
        String why = reason.wireName();
        if (trace) {
            context.reportError(null, server + ": " + message + " (" + why + ")", null);
        }
        context.fireErrorListeners(
                OnServerErrorNode.ID,
                mine,
                Map.of("clientId", clientId, "namespace", namespace, "message", message, "reason", why),
                "server " + server + ": " + message + " (" + why + ")");
    }
}
