package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.EVERYWHERE;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * Socket.IO Disconnect Client ({@code socketio.disconnectClient}) disconnects a client from its namespace;
 * On Socket.IO Client Disconnect ({@code socketio.onClientDisconnect}) fires whenever a client left a
 * namespace, so disconnected ({@link ServerListeners#clientDisconnected}), with Socket.IO's server-side
 * reason ({@link io.pulseio.server.DisconnectReason}).
 */
final class DisconnectClientNode {
    static final String ID = "socketio.disconnectClient";
    static final String ON_CLIENT_DISCONNECT = "socketio.onClientDisconnect";

    private DisconnectClientNode() {}

    static NodeType disconnectClient() {
        return NodeType.of(
                ServerNodes.client(ServerNodes.action(ID, "Socket.IO Disconnect Client", EVERYWHERE))
                        .description("Disconnects the client from its namespace (reason io server disconnect on "
                                + "its side); with close, also closes its whole connection.")
                        .input(PinSpec.optional("close", PinType.BOOLEAN, false)
                                .describedAs("also close the client's underlying connection (every namespace)"))
                        .build(),
                DisconnectClientNode::behaviour);
    }

    static NodeType onClientDisconnect() {
        return NodeShapes.listenerType(ServerNodes.listener(ON_CLIENT_DISCONNECT, "On Socket.IO Client Disconnect")
                .description("Fires when a client left a namespace, or was disconnected.")
                .output(text("clientId", "the client's id"))
                .output(text("namespace", "the namespace it left"))
                .output(text(
                        "reason",
                        "Socket.IO's reason, e.g. client namespace disconnect, "
                                + "transport close, ping timeout, server shutting down")));
    }

    private static NodeBehaviour behaviour(NodeSetup setup) {
        HostedServer s = ServerNodes.server(setup);
        int client = setup.input("clientId");
        int close = setup.input("close");
        return runThenFire(node -> s.disconnect(node.string(client), node.bool(close)), setup.output("out"));
    }
}
