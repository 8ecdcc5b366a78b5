package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.EVERYWHERE;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.nodes.socketio.internal.shared.EventName;
import io.pulseio.nodes.socketio.internal.shared.NamespaceName;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import java.util.List;

/**
 * Socket.IO Server Emit ({@code socketio.serverEmit}) emits an event with its message to a whole namespace, a
 * room of it, or one client ({@link #TARGET}).
 */
final class ServerEmitNode {
    static final String ID = "socketio.serverEmit";
    /** The attribute saying to whom, and its values. */
    static final String TARGET = "target";

    static final String TO_NAMESPACE = "namespace";
    static final String TO_ROOM = "room";
    static final String TO_CLIENT = "client";

    private ServerEmitNode() {}

    static NodeType serverEmit() {
        return NodeType.of(
                ServerNodes.message(ServerNodes.action(ID, "Socket.IO Server Emit", EVERYWHERE))
                        .description("Emits the event with the message to a whole namespace, to a room of it, or "
                                + "to one client.")
                        .attribute(AttributeSpec.choice(
                                TARGET,
                                List.of(TO_NAMESPACE, TO_ROOM, TO_CLIENT),
                                "namespace: every client of the namespace; room: the clients in room 'to'; "
                                        + "client: the client whose id is 'to' (in its own namespace)"))
                        .input(PinSpec.required(NodeShapes.EVENT_NAME, PinType.STRING)
                                .describedAs("the event's name"))
                        .input(PinSpec.optional(NodeShapes.NAMESPACE, PinType.STRING, "/")
                                .describedAs("e.g. / or /chat"))
                        .input(PinSpec.optional("to", PinType.STRING, "")
                                .describedAs("the room, or the client id; unused for namespace"))
                        .build(),
                ServerEmitNode::behaviour);
    }

    static NodeBehaviour behaviour(NodeSetup setup) {
        HostedServer s = ServerNodes.server(setup);
        String target = setup.attributes().string(TARGET);
        int event = setup.input(NodeShapes.EVENT_NAME);
        int namespace = setup.input(NodeShapes.NAMESPACE);
        int to = setup.input("to");
        ServerNodes.Message message = new ServerNodes.Message(setup);
        return runThenFire(
                node -> {
                    String ns = NamespaceName.check(node.string(namespace));
                    String name = EventName.check(node.string(event), ns);
                    String text = node.string(message.input); // pulled once: for the emit and for the trace
                    Object[] args = message.arguments(text, ns);
                    switch (target) {
                        case TO_ROOM ->
                            s.emitToRoom(ns, ServerNodes.nonEmpty(node.string(to), "room", ns), name, args, text);
                        case TO_CLIENT ->
                            s.emitToClient(ServerNodes.nonEmpty(node.string(to), "client id", ns), name, args, text);
                        default -> s.emitToNamespace(ns, name, args, text);
                    }
                },
                setup.output("out"));
    }
}
