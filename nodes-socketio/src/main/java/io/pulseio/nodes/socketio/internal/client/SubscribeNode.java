package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.EVERYWHERE;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.spi.NodeType;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * Socket.IO Subscribe ({@code socketio.subscribe}) listens to an event in a namespace (each one fires On
 * Socket.IO Receive); On Socket.IO Subscribe ({@code socketio.onSubscribe}) fires once the subscription took
 * effect, its namespace joined ({@link ConnectionListeners#subscribed}).
 */
final class SubscribeNode {
    static final String ID = "socketio.subscribe";
    static final String ON_SUBSCRIBE = "socketio.onSubscribe";

    private SubscribeNode() {}

    static NodeType subscribe() {
        return NodeType.of(
                ClientNodes.event(ClientNodes.action(ID, "Socket.IO Subscribe", EVERYWHERE))
                        .description("Listens to the event in the namespace; each one fires On Socket.IO "
                                + "Receive. On Socket.IO Subscribe fires once joined.")
                        .build(),
                setup -> ClientNodes.eventAction(setup, Connection::subscribe));
    }

    static NodeType onSubscribe() {
        return NodeShapes.listenerType(ClientNodes.listener(ON_SUBSCRIBE, "On Socket.IO Subscribe")
                .description("Fires when a Subscribe took effect (its namespace is joined).")
                .output(text("namespace", "the subscription's namespace"))
                .output(text("eventName", "the subscribed event")));
    }
}
