package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.spi.NodeType;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * On Socket.IO Server Error ({@code socketio.onServerError}) fires when its server cannot listen or one of
 * its nodes fails ({@link ServerListeners#error}), with a reason: a {@link ServerReason} or a
 * {@code NodeReason}.
 */
final class OnServerErrorNode {
    static final String ID = "socketio.onServerError";

    private OnServerErrorNode() {}

    static NodeType onServerError() {
        return NodeShapes.listenerType(ServerNodes.listener(ID, "On Socket.IO Server Error")
                .description("Fires when the server cannot listen or one of its nodes fails.")
                .output(text("clientId", "the client concerned, or empty"))
                .output(text("namespace", "the namespace concerned, or empty"))
                .output(text("message", "what went wrong"))
                .output(text("reason", "a short fixed reason, e.g. \"bind error\", \"unknown client\"")));
    }
}
