package io.pulseio.nodes.socketio.internal.shared;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import java.util.List;
import java.util.function.Consumer;

/**
 * What the client and server node types share in their shape: an action and a listener (each naming
 * its connection or server in one attribute), text outputs, the message format, and the behaviour of an
 * action that does its work and fires {@code out}.
 */
public final class NodeShapes {
    public static final Scope[] EVERYWHERE = {Scope.PROJECT, Scope.SCENE, Scope.FUNCTION};
    public static final Scope[] GRAPHS = {Scope.PROJECT, Scope.SCENE};
    /** The input (and filter attribute) naming an event, and the one naming its namespace. */
    public static final String EVENT_NAME = "eventName";

    public static final String NAMESPACE = "namespace";
    /** The attribute of the nodes that send a message: {@code text} or {@code json} ({@link #messageFormat}). */
    public static final String MESSAGE_FORMAT = "messageFormat";

    private NodeShapes() {}

    /** An action: pulse {@code in}, pulse {@code out}, and the attribute naming what it acts on. */
    public static NodeDescriptor.Builder action(
            String category, AttributeSpec owner, String id, String name, Scope... scopes) {
        return NodeDescriptor.builder(id, name, category)
                .scopes(scopes)
                .attribute(owner)
                .input(PinSpec.pulse("in"))
                .output(PinSpec.pulse("out"));
    }

    /** A listener (an event node): pulse {@code out} and the attribute naming what it listens to. */
    public static NodeDescriptor.Builder listener(String category, AttributeSpec owner, String id, String name) {
        return NodeDescriptor.builder(id, name, category)
                .scopes(GRAPHS)
                .attribute(owner)
                .output(PinSpec.pulse("out"));
    }

    /** A listener's node type: it has no behaviour, the plugin fires it. */
    public static NodeType listenerType(NodeDescriptor.Builder b) {
        return NodeType.of(b.build(), setup -> NodeBehaviour.NONE);
    }

    /** A text output. */
    public static PinSpec text(String name, String description) {
        return PinSpec.optional(name, PinType.STRING, "").describedAs(description);
    }

    /** The attribute {@link #MESSAGE_FORMAT}: how the message input becomes the event's arguments. */
    public static AttributeSpec messageFormat() {
        return AttributeSpec.choice(
                MESSAGE_FORMAT,
                List.of(MessageText.TEXT, MessageText.JSON),
                "text: the message is one string argument; json: it is parsed and sent as one JSON value");
    }

    /** On any pulse input: does the work, then fires {@code out}. */
    public static NodeBehaviour runThenFire(Consumer<NodeContext> work, int out) {
        return new NodeBehaviour() {
            @Override
            public void run(NodeContext node, int pulseInput) {
                work.accept(node);
                node.fire(out);
            }
        };
    }
}
