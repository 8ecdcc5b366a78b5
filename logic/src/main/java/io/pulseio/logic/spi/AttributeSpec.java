package io.pulseio.logic.spi;

import io.pulseio.logic.model.PinType;
import java.util.List;
import java.util.Objects;

/**
 * An attribute of a node: a value fixed when the project is authored (a connection name, an operator,
 * a variable name). Attributes are checked at load time; their values never change while running.
 *
 * @param name         attribute name in the project file
 * @param type         STRING, NUMBER, BOOLEAN or JSON
 * @param defaultValue value used when the project omits it; {@code null} means the attribute is required
 * @param choices      allowed values for a STRING attribute (empty: any value)
 * @param description  one line for the toolbox; never null
 */
public record AttributeSpec(String name, PinType type, Object defaultValue, List<String> choices, String description) {

    public AttributeSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (type == PinType.PULSE) {
            throw new IllegalArgumentException("an attribute cannot be a pulse: " + name);
        }
        choices = List.copyOf(choices == null ? List.of() : choices);
        description = description == null ? "" : description;
    }

    /** A required attribute. */
    public static AttributeSpec required(String name, PinType type, String description) {
        return new AttributeSpec(name, type, null, List.of(), description);
    }

    /** An attribute with a default. */
    public static AttributeSpec optional(String name, PinType type, Object defaultValue, String description) {
        return new AttributeSpec(name, type, defaultValue, List.of(), description);
    }

    /** A string attribute restricted to {@code choices}, defaulting to the first. */
    public static AttributeSpec choice(String name, List<String> choices, String description) {
        return new AttributeSpec(name, PinType.STRING, choices.get(0), choices, description);
    }

    public boolean isRequired() {
        return defaultValue == null;
    }
}
