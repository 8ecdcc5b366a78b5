package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * On Socket.IO Receive ({@code socketio.onReceive}) fires for each subscribed event that arrives
 * ({@link ConnectionListeners#received}) and that its filters accept ({@link #accepts}); with
 * {@code subscribe} it also subscribes by itself at each Start ({@link AutoSubscriptions}).
 */
final class OnReceiveNode {
    static final String ID = "socketio.onReceive";

    private OnReceiveNode() {}

    static NodeType onReceive() {
        return NodeShapes.listenerType(ClientNodes.listener(ID, "On Socket.IO Receive")
                .description("Fires for each subscribed event that arrives (optionally only for one event "
                        + "name and/or namespace).")
                .attribute(AttributeSpec.optional(
                        NodeShapes.EVENT_NAME, PinType.STRING, "", "only this event; empty or * = any"))
                .attribute(AttributeSpec.optional(
                        NodeShapes.NAMESPACE, PinType.STRING, "", "only this namespace; empty = any"))
                .attribute(AttributeSpec.optional(
                        AutoSubscriptions.SUBSCRIBE,
                        PinType.BOOLEAN,
                        false,
                        "true: subscribes to eventName (empty: every event, *) in namespace (empty: /) "
                                + "each time the connection starts"))
                .output(text("namespace", "the event's namespace"))
                .output(text("triggerName", "the event's name"))
                .output(text("message", "the event's arguments as text")));
    }

    /**
     * Whether a listener with these attributes takes the event: an empty filter matches anything, and so
     * does an event name filter {@code *}.
     */
    static boolean accepts(Attributes a, String namespace, String event) {
        return matches(a.string(NodeShapes.EVENT_NAME), event, true)
                && matches(a.string(NodeShapes.NAMESPACE), namespace, false);
    }

    private static boolean matches(String filter, String value, boolean isEventName) {
        return filter == null
                || filter.isEmpty()
                || filter.equals(value)
                || (isEventName && filter.equals(AutoSubscriptions.EVERY_EVENT));
    }
}
