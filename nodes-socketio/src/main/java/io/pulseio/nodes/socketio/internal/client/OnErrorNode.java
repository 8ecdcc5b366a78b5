package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.spi.NodeType;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * On Socket.IO Error ({@code socketio.onError}) fires when anything goes wrong on its connection or in one of
 * its nodes ({@link ConnectionListeners#error}), with a reason: a {@link ConnectionReason} or a
 * {@code NodeReason}.
 */
final class OnErrorNode {
    static final String ID = "socketio.onError";

    private OnErrorNode() {}

    static NodeType onError() {
        return NodeShapes.listenerType(ClientNodes.listener(ID, "On Socket.IO Error")
                .description("Fires when anything goes wrong on the connection or in one of its nodes.")
                .output(text("namespace", "the namespace concerned"))
                .output(text("message", "what went wrong"))
                .output(text("reason", "a short fixed reason, e.g. \"not started\", \"ack timeout\"")));
    }
}
