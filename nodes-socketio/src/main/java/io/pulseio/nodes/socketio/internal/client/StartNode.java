package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.GRAPHS;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import java.util.concurrent.Executor;

/**
 * Socket.IO Start ({@code socketio.start}) opens the connection; On Socket.IO Start ({@code socketio.onStart})
 * fires each time it is established ({@link ConnectionListeners#started}), and Start's {@code started} right
 * after, once per Start.
 */
final class StartNode {
    static final String ID = "socketio.start";
    static final String ON_START = "socketio.onStart";

    private StartNode() {}

    static NodeType start() {
        return NodeType.of(
                ClientNodes.action(ID, "Socket.IO Start", GRAPHS)
                        .description("Opens the connection and joins namespace /; started (and On Socket.IO "
                                + "Start) fires once connected. Does nothing when already started.")
                        .output(PinSpec.pulse("started")
                                .describedAs("the connection is established (at once "
                                        + "when it already is); once per Start"))
                        .build(),
                StartNode::behaviour);
    }

    static NodeType onStart() {
        return NodeShapes.listenerType(ClientNodes.listener(ON_START, "On Socket.IO Start")
                .description(
                        "Fires when the connection is established, after Start and after every " + "reconnection."));
    }

    private static NodeBehaviour behaviour(NodeSetup setup) {
        Connection c = ClientNodes.connection(setup);
        int out = setup.output("out");
        int started = setup.output("started");
        return runThenFire(
                node -> {
                    Executor later = node.answerLater();
                    c.start();
                    c.whenStarted(node, () -> later.execute(() -> node.fire(started)));
                },
                out);
    }
}
