package io.pulseio.nodes.socketio.internal.client;

import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.EVERYWHERE;
import static io.pulseio.nodes.socketio.internal.shared.NodeShapes.runThenFire;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.nodes.socketio.internal.shared.EventName;
import io.pulseio.nodes.socketio.internal.shared.NamespaceName;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;

/**
 * Socket.IO Send ({@code socketio.send}) emits an event with its message (or {@code arguments}:
 * {@link EmitArguments}) in a namespace, joined first if needed and buffered while connecting. The inputs it
 * shares with Send With Ack are read by {@link Inputs}.
 */
final class SendNode {
    static final String ID = "socketio.send";

    private SendNode() {}

    static NodeType send() {
        return EmitArguments.type(
                emitting(ClientNodes.action(ID, "Socket.IO Send", EVERYWHERE))
                        .description("Emits the event with the message in the namespace (joined first if "
                                + "needed; buffered while connecting).")
                        .build(),
                SendNode::behaviour);
    }

    /** The pins and attributes of a node that emits: event, namespace, message format, arguments, message. */
    static NodeDescriptor.Builder emitting(NodeDescriptor.Builder b) {
        return ClientNodes.event(b)
                .attribute(NodeShapes.messageFormat())
                .attribute(EmitArguments.attribute())
                .input(PinSpec.optional("message", PinType.STRING, "").describedAs("the event's argument"));
    }

    private static NodeBehaviour behaviour(NodeSetup setup) {
        Connection c = ClientNodes.connection(setup);
        Inputs emit = new Inputs(setup);
        return runThenFire(
                node -> {
                    String ns = emit.namespace(node);
                    c.send(ns, emit.event(node, ns), emit.arguments(node, ns));
                },
                setup.output("out"));
    }

    /** Reads the inputs of a node that emits, checked: a bad one throws {@link NodeError}. */
    static final class Inputs {
        private final int event;
        private final int namespace;
        private final EmitArguments.Reader arguments;

        Inputs(NodeSetup setup) {
            event = setup.input(NodeShapes.EVENT_NAME);
            namespace = setup.input(NodeShapes.NAMESPACE);
            arguments = EmitArguments.reader(setup, setup.attributes().string(NodeShapes.MESSAGE_FORMAT));
        }

        String namespace(NodeContext node) {
            return NamespaceName.check(node.string(namespace));
        }

        String event(NodeContext node, String ns) {
            return EventName.check(node.string(event), ns);
        }

        Object[] arguments(NodeContext node, String ns) {
            try {
                return arguments.read(node);
            } catch (IllegalArgumentException e) {
                throw new NodeError(NodeReason.INVALID_MESSAGE, ns, e.getMessage());
            }
        }
    }
}
