package io.pulseio.logic.internal.load;

import io.pulseio.logic.model.GraphSpec;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.Signature;

/**
 * A checked node with its link tables, the product of the link phase. Tables are indexed like the
 * signature's pins and filled once by {@link LinkChecks}; read-only afterwards.
 */
public final class ResolvedNode {
    public final NodeSpec spec;
    public final GraphSpec graph;
    public final NodeType type;
    public final Plugin plugin;
    public final Attributes attributes;
    public final Signature signature;
    /** Per input: the node feeding it, or null. */
    public final ResolvedNode[] sourceNode;
    /** Per input: the output index of {@link #sourceNode}. */
    public final int[] sourcePin;
    /** Per input: the constant (or default) used when nothing is linked; null for pulses. */
    public final Object[] constant;
    /** Per output: the node a pulse output leads to, or null. */
    public final ResolvedNode[] targetNode;
    /** Per output: the input index of {@link #targetNode}. */
    public final int[] targetPin;

    ResolvedNode(
            NodeSpec spec, GraphSpec graph, NodeType type, Plugin plugin, Attributes attributes, Signature signature) {
        this.spec = spec;
        this.graph = graph;
        this.type = type;
        this.plugin = plugin;
        this.attributes = attributes;
        this.signature = signature;
        int in = signature.inputs().size();
        int out = signature.outputs().size();
        sourceNode = new ResolvedNode[in];
        sourcePin = new int[in];
        constant = new Object[in];
        targetNode = new ResolvedNode[out];
        targetPin = new int[out];
        for (int i = 0; i < in; i++) {
            PinSpec pin = signature.inputs().get(i);
            constant[i] = pin.isPulse() ? null : pin.defaultValue();
        }
    }

    public String id() {
        return spec.id();
    }

    public String typeId() {
        return type.descriptor().typeId();
    }

    @Override
    public String toString() {
        return spec.id() + " (" + typeId() + ")";
    }
}
