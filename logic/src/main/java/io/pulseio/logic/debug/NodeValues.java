package io.pulseio.logic.debug;

import java.util.List;

/**
 * The values of one node's data pins, read on demand (pulse pins are left out). Inputs are what the node
 * reads now: a linked computed node is computed, another linked node gives its kept output, an unlinked
 * input its constant or default. Outputs are the last values the node set (their defaults until it ran);
 * a computed node's outputs are computed now.
 *
 * @param nodeId   the node
 * @param nodeType its type id
 * @param inputs   its data inputs, in pin order
 * @param outputs  its data outputs, in pin order
 */
public record NodeValues(String nodeId, String nodeType, List<PinValue> inputs, List<PinValue> outputs) {

    public NodeValues {
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
    }

    /**
     * One pin's value.
     *
     * @param pin   the pin's name
     * @param type  its type id ({@code string}, {@code number}, {@code boolean}, {@code json}, {@code any})
     * @param value the runtime value: a String, Double or Boolean, JSON as its text; null when it failed
     * @param error why it could not be read (a computed source failed); null when it could
     */
    public record PinValue(String pin, String type, Object value, String error) {}

    /** The value of input {@code name}; throws {@link IllegalArgumentException} when there is none. */
    public PinValue input(String name) {
        return find(inputs, name, "input");
    }

    /** The value of output {@code name}; throws {@link IllegalArgumentException} when there is none. */
    public PinValue output(String name) {
        return find(outputs, name, "output");
    }

    private PinValue find(List<PinValue> pins, String name, String what) {
        return pins.stream()
                .filter(p -> p.pin().equals(name))
                .findFirst()
                .orElseThrow(() ->
                        new IllegalArgumentException("node '" + nodeId + "' has no data " + what + " '" + name + "'"));
    }
}
