package io.pulseio.logic.internal.run;

import io.pulseio.logic.model.FunctionSpec;
import io.pulseio.logic.model.PortSpec;
import java.util.List;

/**
 * A function of a running project: its entry node, where each argument goes, and the nodes of its body,
 * whose kept outputs are saved around a call that re-enters the function (so each level of a recursion
 * sees its own values).
 */
final class LiveFunction {
    final FunctionSpec spec;
    final LiveNode entry;
    /** Per function input: the output index on the entry node. */
    final int[] argumentOutput;
    /** The body's nodes that keep output values (action and listener nodes, the entry among them). */
    private final LiveNode[] keeping;
    /** Calls of this function in progress (more than one while it recurses). */
    int active;

    LiveFunction(FunctionSpec spec, LiveNode entry, List<LiveNode> body) {
        this.spec = spec;
        this.entry = entry;
        argumentOutput = new int[spec.inputs().size()];
        for (int i = 0; i < argumentOutput.length; i++) {
            argumentOutput[i] =
                    entry.resolved.signature.outputIndex(spec.inputs().get(i).name());
        }
        keeping = body.stream().filter(n -> n.outputs.length > 0).toArray(LiveNode[]::new);
    }

    Object[] zeroResults() {
        Object[] results = new Object[spec.outputs().size()];
        int i = 0;
        for (PortSpec p : spec.outputs()) {
            results[i++] = p.type().zero();
        }
        return results;
    }

    /** A copy of every kept output of the body, for {@link #restoreOutputs}. */
    Object[][] saveOutputs() {
        Object[][] saved = new Object[keeping.length][];
        for (int i = 0; i < keeping.length; i++) {
            saved[i] = keeping[i].outputs.clone();
        }
        return saved;
    }

    void restoreOutputs(Object[][] saved) {
        for (int i = 0; i < keeping.length; i++) {
            System.arraycopy(saved[i], 0, keeping[i].outputs, 0, saved[i].length);
        }
    }
}
