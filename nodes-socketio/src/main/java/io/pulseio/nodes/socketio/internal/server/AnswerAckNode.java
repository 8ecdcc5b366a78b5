package io.pulseio.nodes.socketio.internal.server;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.EVERYWHERE;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;

/**
 * Socket.IO Server Answer Ack ({@code socketio.serverAck}) answers the acknowledgement an event asked for,
 * named by the {@code ackId} of On Socket.IO Server Receive; each is answered once ({@code unknown ack}
 * after).
 */
final class AnswerAckNode {
    static final String ID = "socketio.serverAck";

    private AnswerAckNode() {}

    static NodeType answerAck() {
        return NodeType.of(
                ServerNodes.message(ServerNodes.action(ID, "Socket.IO Server Answer Ack", EVERYWHERE))
                        .description("Answers the acknowledgement an event asked for (its ackId from On "
                                + "Socket.IO Server Receive); each ack is answered once.")
                        .input(PinSpec.required("ackId", PinType.STRING)
                                .describedAs("from On Socket.IO Server Receive"))
                        .build(),
                AnswerAckNode::behaviour);
    }

    private static NodeBehaviour behaviour(NodeSetup setup) {
        HostedServer s = ServerNodes.server(setup);
        int ackId = setup.input("ackId");
        ServerNodes.Message message = new ServerNodes.Message(setup);
        return runThenFire(node -> s.answer(node.string(ackId), message.arguments(node, "")), setup.output("out"));
    }
}
