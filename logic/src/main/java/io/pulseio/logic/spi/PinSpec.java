package io.pulseio.logic.spi;

import io.pulseio.logic.model.PinType;
import java.util.Objects;

/**
 * One pin of a node: its name (as used in links, e.g. {@code "message"} in {@code "p1.message"}),
 * its type, and for data inputs the default used when neither a link nor a constant is given.
 *
 * @param name         pin name, unique among the node's inputs (or outputs)
 * @param type         pin type
 * @param defaultValue default of a data input (a runtime value of {@code type}); {@code null} means
 *                     the input is required (or, for outputs, that the output starts at the type's zero)
 * @param description  one line for the toolbox; may be empty, never null
 */
public record PinSpec(String name, PinType type, Object defaultValue, String description) {

    public PinSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        description = description == null ? "" : description;
    }

    /** A pulse pin. */
    public static PinSpec pulse(String name) {
        return new PinSpec(name, PinType.PULSE, null, "");
    }

    /** A data pin with no default: as an input it must be linked or given a constant. */
    public static PinSpec required(String name, PinType type) {
        return new PinSpec(name, type, null, "");
    }

    /** A data pin with a default value. */
    public static PinSpec optional(String name, PinType type, Object defaultValue) {
        return new PinSpec(name, type, defaultValue, "");
    }

    /** This pin with a description. */
    public PinSpec describedAs(String text) {
        return new PinSpec(name, type, defaultValue, text);
    }

    public boolean isPulse() {
        return type == PinType.PULSE;
    }

    /** A data input is required when it has no default. */
    public boolean isRequired() {
        return !isPulse() && defaultValue == null;
    }
}
