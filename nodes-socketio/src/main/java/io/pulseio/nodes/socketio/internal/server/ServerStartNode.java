package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.GRAPHS;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import java.util.concurrent.Executor;

/**
 * Socket.IO Server Start ({@code socketio.serverStart}) makes its server listen; On Socket.IO Server Start
 * ({@code socketio.onServerStart}) fires once it does ({@link ServerListeners#started}), and the node's
 * {@code started} right after, once per Start.
 */
final class ServerStartNode {
    static final String ID = "socketio.serverStart";
    static final String ON_SERVER_START = "socketio.onServerStart";

    private ServerStartNode() {}

    static NodeType serverStart() {
        return NodeType.of(
                ServerNodes.action(ID, "Socket.IO Server Start", GRAPHS)
                        .description("Starts listening; started (and On Socket.IO Server Start) fires once bound. "
                                + "Does nothing when already started.")
                        .output(PinSpec.pulse("started")
                                .describedAs("the server listens (at once when it already " + "does); once per Start"))
                        .output(PinSpec.optional("port", PinType.NUMBER, 0.0).describedAs("the port it listens on"))
                        .build(),
                ServerStartNode::behaviour);
    }

    static NodeType onServerStart() {
        return NodeShapes.listenerType(ServerNodes.listener(ON_SERVER_START, "On Socket.IO Server Start")
                .description("Fires once the server listens.")
                .output(PinSpec.optional("port", PinType.NUMBER, 0.0).describedAs("the port it listens on")));
    }

    private static NodeBehaviour behaviour(NodeSetup setup) {
        HostedServer s = ServerNodes.server(setup);
        int started = setup.output("started");
        int port = setup.output("port");
        return runThenFire(
                node -> {
                    Executor later = node.answerLater();
                    s.start();
                    s.whenStarted(
                            node,
                            bound -> later.execute(() -> {
                                node.output(port, (double) bound);
                                node.fire(started);
                            }));
                },
                setup.output("out"));
    }
}
