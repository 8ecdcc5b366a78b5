package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.GRAPHS;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.text;

import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import java.util.concurrent.Executor;

/**
 * Socket.IO Server Stop ({@code socketio.serverStop}) disconnects every client and closes its server; On
 * Socket.IO Server Stop ({@code socketio.onServerStop}) fires once a started server is closed
 * ({@link ServerListeners#stopped}, reason {@link ServerReason#SERVER_STOP}), and the node's {@code stopped}
 * right after, once per Stop.
 */
final class ServerStopNode {
    static final String ID = "socketio.serverStop";
    static final String ON_SERVER_STOP = "socketio.onServerStop";

    private ServerStopNode() {}

    static NodeType serverStop() {
        return NodeType.of(
                ServerNodes.action(ID, "Socket.IO Server Stop", GRAPHS)
                        .description("Disconnects every client and stops listening; stopped (and On Socket.IO "
                                + "Server Stop) fires once closed. Does nothing when stopped.")
                        .output(PinSpec.pulse("stopped")
                                .describedAs(
                                        "the server is closed (at once when it was " + "not started); once per Stop"))
                        .build(),
                ServerStopNode::behaviour);
    }

    static NodeType onServerStop() {
        return NodeShapes.listenerType(ServerNodes.listener(ON_SERVER_STOP, "On Socket.IO Server Stop")
                .description("Fires once a started server is closed.")
                .output(text("reason", "why: server stop")));
    }

    private static NodeBehaviour behaviour(NodeSetup setup) {
        HostedServer s = ServerNodes.server(setup);
        int stopped = setup.output("stopped");
        return runThenFire(
                node -> {
                    Executor later = node.answerLater();
                    s.whenStopped(node, () -> later.execute(() -> node.fire(stopped)));
                    s.stop();
                },
                setup.output("out"));
    }
}
