package io.pulseio.logic.internal.run;

import io.pulseio.logic.model.FunctionSpec;
import io.pulseio.logic.model.PortSpec;

/** A function of a running project: its entry node and where each argument goes. */
final class LiveFunction {
    final FunctionSpec spec;
    final LiveNode entry;
    /** Per function input: the output index on the entry node. */
    final int[] argumentOutput;

    LiveFunction(FunctionSpec spec, LiveNode entry) {
        this.spec = spec;
        this.entry = entry;
        argumentOutput = new int[spec.inputs().size()];
        for (int i = 0; i < argumentOutput.length; i++) {
            argumentOutput[i] = entry.resolved.signature.outputIndex(spec.inputs().get(i).name());
        }
    }

    Object[] zeroResults() {
        Object[] results = new Object[spec.outputs().size()];
        int i = 0;
        for (PortSpec p : spec.outputs()) {
            results[i++] = p.type().zero();
        }
        return results;
    }
}
