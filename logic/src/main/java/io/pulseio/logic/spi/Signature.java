package io.pulseio.logic.spi;

import java.util.List;

/**
 * The pins one node actually has. Usually the descriptor's; a node type whose pins depend on its
 * attributes or on the project (Sequence, Get Variable, Call Function) computes its own.
 */
public record Signature(List<PinSpec> inputs, List<PinSpec> outputs) {

    public Signature {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /** The descriptor's own pins. */
    public static Signature of(NodeDescriptor descriptor) {
        return new Signature(descriptor.inputs(), descriptor.outputs());
    }

    public NodeKind kind() {
        return NodeDescriptor.kindOf(inputs, outputs);
    }

    /** Index of the input named {@code name}, or -1. */
    public int inputIndex(String name) {
        return indexOf(inputs, name);
    }

    /** Index of the output named {@code name}, or -1. */
    public int outputIndex(String name) {
        return indexOf(outputs, name);
    }

    private static int indexOf(List<PinSpec> pins, String name) {
        for (int i = 0; i < pins.size(); i++) {
            if (pins.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
