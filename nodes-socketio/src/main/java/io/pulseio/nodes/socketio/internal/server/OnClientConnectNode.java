package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.spi.NodeType;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * On Socket.IO Client Connect ({@code socketio.onClientConnect}) fires when a client joined a namespace of
 * its server ({@link ServerListeners#clientConnected}).
 */
final class OnClientConnectNode {
    static final String ID = "socketio.onClientConnect";

    private OnClientConnectNode() {}

    static NodeType onClientConnect() {
        return NodeShapes.listenerType(ServerNodes.listener(ID, "On Socket.IO Client Connect")
                .description("Fires when a client joined a namespace of the server.")
                .output(text("clientId", "the client's id (one per namespace it joined)"))
                .output(text("namespace", "the namespace it joined"))
                .output(text("auth", "the auth object it sent, as JSON text ({} when none)")));
    }
}
