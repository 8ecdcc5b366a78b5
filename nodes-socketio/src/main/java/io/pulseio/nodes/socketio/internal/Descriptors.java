package io.pulseio.nodes.socketio.internal;

import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.Scope;
import java.util.List;

/**
 * The descriptor pieces the client and server node types share: the shape of an action and of a
 * listener (each naming its connection or server in one attribute), text outputs, the message
 * format.
 */
public final class Descriptors {
    public static final Scope[] EVERYWHERE = {Scope.PROJECT, Scope.SCENE, Scope.FUNCTION};
    public static final Scope[] GRAPHS = {Scope.PROJECT, Scope.SCENE};

    private Descriptors() {
    }

    /** An action: pulse {@code in}, pulse {@code out}, and the attribute naming what it acts on. */
    public static NodeDescriptor.Builder action(String category, AttributeSpec owner, String id, String name,
            Scope... scopes) {
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

    /** The attribute saying how the message input becomes the event's arguments. */
    public static AttributeSpec messageFormat(String attribute) {
        return AttributeSpec.choice(attribute, List.of(Messages.TEXT, Messages.JSON),
                "text: the message is one string argument; json: it is parsed and sent as one JSON value");
    }
}
