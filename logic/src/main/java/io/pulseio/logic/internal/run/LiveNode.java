package io.pulseio.logic.internal.run;

import io.pulseio.logic.internal.load.ResolvedNode;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeKind;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Values;
import io.pulseio.logic.time.Cancellable;
import java.util.List;

/**
 * A node of a running project: its behaviour, link tables copied from {@link ResolvedNode} into arrays
 * of live nodes, and its last output values. It is also the {@link NodeContext} its behaviour sees, so
 * running allocates nothing. Logic thread only.
 */
final class LiveNode implements NodeContext {
    final ResolvedNode resolved;
    final String id;
    final String typeId;
    final String graph;
    final Interpreter interpreter;
    /** The project scope or the node's scene; null in functions (they run in their caller's scope). */
    final ScopeState scope;

    final NodeKind kind;
    NodeBehaviour behaviour = NodeBehaviour.NONE;
    /** Whether its behaviour made it its function's entry ({@code NodeSetup#makeFunctionEntry}). */
    boolean functionEntry;

    final LiveNode[] source;
    final int[] sourcePin;
    final Object[] constant;
    final PinType[] inputType;
    /** Per input: whether a pulled value must be converted (its source is an ANY output). */
    final boolean[] convert;

    final LiveNode[] target;
    final int[] targetPin;
    final Object[] outputs;
    /** {@code id.pin} of each output and input, for the trace. */
    final String[] outputLabel;

    final String[] inputLabel;
    /** First pulse output (a listener's {@code out}); -1 when none. */
    final int firstPulseOutput;

    LiveNode(ResolvedNode resolved, Interpreter interpreter, ScopeState scope) {
        this.resolved = resolved;
        this.id = resolved.id();
        this.typeId = resolved.typeId();
        this.graph = resolved.graph.label();
        this.interpreter = interpreter;
        this.scope = scope;
        this.kind = resolved.signature.kind();
        List<PinSpec> ins = resolved.signature.inputs();
        List<PinSpec> outs = resolved.signature.outputs();
        source = new LiveNode[ins.size()];
        sourcePin = resolved.sourcePin.clone();
        constant = resolved.constant.clone();
        inputType = new PinType[ins.size()];
        convert = new boolean[ins.size()];
        inputLabel = new String[ins.size()];
        for (int i = 0; i < ins.size(); i++) {
            inputType[i] = ins.get(i).type();
            inputLabel[i] = id + "." + ins.get(i).name();
        }
        target = new LiveNode[outs.size()];
        targetPin = resolved.targetPin.clone();
        outputs = new Object[outs.size()];
        outputLabel = new String[outs.size()];
        int pulse = -1;
        for (int i = 0; i < outs.size(); i++) {
            PinSpec pin = outs.get(i);
            outputs[i] =
                    pin.defaultValue() != null ? pin.defaultValue() : pin.type().zero();
            outputLabel[i] = id + "." + pin.name();
            if (pulse < 0 && pin.isPulse()) {
                pulse = i;
            }
        }
        firstPulseOutput = pulse;
    }

    /** Second linking step, once every live node exists. */
    void wire(java.util.Map<ResolvedNode, LiveNode> live) {
        for (int i = 0; i < source.length; i++) {
            ResolvedNode s = resolved.sourceNode[i];
            if (s != null) {
                source[i] = live.get(s);
                PinType from = s.signature.outputs().get(sourcePin[i]).type();
                convert[i] = from != inputType[i]
                        && inputType[i] != PinType.ANY
                        && !(from == PinType.STRING && inputType[i] == PinType.JSON)
                        && !(from == PinType.JSON && inputType[i] == PinType.STRING);
            }
        }
        for (int i = 0; i < target.length; i++) {
            ResolvedNode t = resolved.targetNode[i];
            target[i] = t == null ? null : live.get(t);
        }
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public Attributes attributes() {
        return resolved.attributes;
    }

    @Override
    public Object input(int input) {
        LiveNode from = source[input];
        if (from == null) {
            return constant[input];
        }
        Object value =
                from.kind == NodeKind.PURE ? interpreter.pull(from, sourcePin[input]) : from.outputs[sourcePin[input]];
        return convert[input] ? Values.convert(value, inputType[input]) : value;
    }

    @Override
    public String string(int input) {
        Object v = input(input);
        return v instanceof String s ? s : Values.text(v);
    }

    @Override
    public double number(int input) {
        Object v = input(input);
        return v instanceof Double d ? d : (Double) Values.convert(v, PinType.NUMBER);
    }

    @Override
    public boolean bool(int input) {
        Object v = input(input);
        return v instanceof Boolean b ? b : (Boolean) Values.convert(v, PinType.BOOLEAN);
    }

    @Override
    public void output(int output, Object value) {
        outputs[output] = value;
    }

    @Override
    public void fire(int output) {
        if (target[output] != null) {
            interpreter.addPending(this, output);
        }
    }

    @Override
    public Cancellable schedule(long delayMillis, Runnable task) {
        return interpreter.run.schedule(this, delayMillis, task);
    }

    @Override
    public void own(AutoCloseable resource) {
        interpreter.currentScope.own(resource);
    }

    @Override
    public java.util.concurrent.Executor answerLater() {
        return interpreter.run.answerLater(this);
    }

    @Override
    public String toString() {
        return id + " (" + typeId + ")";
    }
}
