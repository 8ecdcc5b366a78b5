package io.pulseio.nodes.socketio.internal;

import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import java.util.function.Consumer;

/** Node behaviours the client and server action nodes share. */
public final class Behaviours {
    private Behaviours() {
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
