package io.pulseio.nodes.socketio.internal.client;

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
 * Socket.IO Stop ({@code socketio.stop}) closes the connection for good; On Socket.IO Stop
 * ({@code socketio.onStop}) fires when an established connection ended, by Stop or otherwise
 * ({@link ConnectionListeners#stopped}), with Socket.IO's disconnect reason, and Stop's {@code stopped} right
 * after, once per Stop.
 */
final class StopNode {
    static final String ID = "socketio.stop";
    static final String ON_STOP = "socketio.onStop";

    private StopNode() {}

    static NodeType stop() {
        return NodeType.of(
                ClientNodes.action(ID, "Socket.IO Stop", GRAPHS)
                        .description("Closes the connection (every namespace) without reconnecting; stopped (and "
                                + "On Socket.IO Stop) fires once closed. Does nothing when stopped.")
                        .output(PinSpec.pulse("stopped")
                                .describedAs("the connection is closed (at once when it "
                                        + "was not established); once per Stop"))
                        .output(text("reason", "why it closed, as On Socket.IO Stop's reason"))
                        .build(),
                StopNode::behaviour);
    }

    static NodeType onStop() {
        return NodeShapes.listenerType(ClientNodes.listener(ON_STOP, "On Socket.IO Stop")
                .description(
                        "Fires when an established connection ended: by Stop, by the server or a " + "lost transport.")
                .output(text(
                        "reason",
                        "why: io client disconnect, io server disconnect, transport "
                                + "close, ping timeout, transport error, parse error")));
    }

    private static NodeBehaviour behaviour(NodeSetup setup) {
        Connection c = ClientNodes.connection(setup);
        int out = setup.output("out");
        int stopped = setup.output("stopped");
        int reason = setup.output("reason");
        return runThenFire(
                node -> {
                    Executor later = node.answerLater();
                    c.whenStopped(
                            node,
                            why -> later.execute(() -> {
                                node.output(reason, why.wireName());
                                node.fire(stopped);
                            }));
                    c.stop();
                },
                out);
    }
}
