package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * On Socket.IO Server Receive ({@code socketio.onServerReceive}) fires for each event a client sends
 * ({@link ServerListeners#received}) that its filters accept ({@link #accepts}), with an {@code ackId} for
 * Answer Ack when the sender asked for one.
 */
final class OnServerReceiveNode {
    static final String ID = "socketio.onServerReceive";

    private OnServerReceiveNode() {}

    static NodeType onServerReceive() {
        return NodeShapes.listenerType(ServerNodes.listener(ID, "On Socket.IO Server Receive")
                .description("Fires for each event a client sends (optionally only for one event name "
                        + "and/or namespace).")
                .attribute(AttributeSpec.optional(
                        NodeShapes.EVENT_NAME, PinType.STRING, "", "only this event; empty = any"))
                .attribute(AttributeSpec.optional(
                        NodeShapes.NAMESPACE, PinType.STRING, "", "only this namespace; empty = any"))
                .output(text("clientId", "the sender's id"))
                .output(text("namespace", "the event's namespace"))
                .output(text("eventName", "the event's name"))
                .output(text("message", "the event's arguments as text"))
                .output(text("ackId", "for Answer Ack when the sender asked for an ack; else empty")));
    }

    /** Whether a listener with these attributes takes the event: an empty filter matches anything. */
    static boolean accepts(Attributes a, String namespace, String event) {
        return matches(a.string(NodeShapes.EVENT_NAME), event) && matches(a.string(NodeShapes.NAMESPACE), namespace);
    }

    private static boolean matches(String filter, String value) {
        return filter == null || filter.isEmpty() || filter.equals(value);
    }
}
