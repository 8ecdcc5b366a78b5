package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.GRAPHS;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.spi.NodeType;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * Socket.IO Unsubscribe ({@code socketio.unsubscribe}) stops listening to an event (a namespace other than
 * {@code /} left without subscriptions is left); On Socket.IO Unsubscribe ({@code socketio.onUnsubscribe})
 * fires when it took effect ({@link ConnectionListeners#unsubscribed}).
 */
final class UnsubscribeNode {
    static final String ID = "socketio.unsubscribe";
    static final String ON_UNSUBSCRIBE = "socketio.onUnsubscribe";

    private UnsubscribeNode() {}

    static NodeType unsubscribe() {
        return NodeType.of(
                ClientNodes.event(ClientNodes.action(ID, "Socket.IO Unsubscribe", GRAPHS))
                        .description("Stops listening to the event in the namespace; a namespace other than / "
                                + "with no subscription left is left.")
                        .build(),
                setup -> ClientNodes.eventAction(setup, Connection::unsubscribe));
    }

    static NodeType onUnsubscribe() {
        return NodeShapes.listenerType(ClientNodes.listener(ON_UNSUBSCRIBE, "On Socket.IO Unsubscribe")
                .description("Fires when an Unsubscribe took effect.")
                .output(text("namespace", "the subscription's namespace"))
                .output(text("eventName", "the event no longer listened to")));
    }
}
