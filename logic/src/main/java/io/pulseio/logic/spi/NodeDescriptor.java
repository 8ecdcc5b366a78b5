package io.pulseio.logic.spi;

import io.pulseio.logic.model.Scope;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What a node type looks like to an author: the toolbox entry and the static signature.
 * Immutable. Pins whose list depends on the node's attributes or on the project (e.g. the inputs of
 * Call Function) are supplied per node by {@link NodeType#signature}; these lists are then the pins
 * every node of the type has.
 *
 * @param typeId      unique id, {@code plugin.name}, e.g. {@code core.print}
 * @param displayName name shown in the toolbox, e.g. {@code Print}
 * @param category    toolbox group, e.g. {@code Flow}
 * @param description one line; never null
 * @param scopes      where the node may be placed (not empty)
 * @param attributes  attributes, in display order
 * @param inputs      input pins, pulse and data, in display order
 * @param outputs     output pins, pulse and data, in display order
 */
public record NodeDescriptor(
        String typeId,
        String displayName,
        String category,
        String description,
        Set<Scope> scopes,
        List<AttributeSpec> attributes,
        List<PinSpec> inputs,
        List<PinSpec> outputs) {

    public NodeDescriptor {
        Objects.requireNonNull(typeId, "typeId");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(category, "category");
        description = description == null ? "" : description;
        scopes = Set.copyOf(scopes);
        if (scopes.isEmpty()) {
            throw new IllegalArgumentException(typeId + ": a node type needs at least one scope");
        }
        attributes = List.copyOf(attributes);
        inputs = List.copyOf(inputs);
        outputs = List.copyOf(outputs);
        requireUnique(
                typeId,
                "attribute",
                attributes.stream().map(AttributeSpec::name).toList());
        requireUnique(typeId, "input", inputs.stream().map(PinSpec::name).toList());
        requireUnique(typeId, "output", outputs.stream().map(PinSpec::name).toList());
    }

    private static void requireUnique(String typeId, String what, List<String> names) {
        Set<String> seen = new HashSet<>();
        for (String n : names) {
            if (!seen.add(n)) {
                throw new IllegalArgumentException(typeId + ": duplicate " + what + " '" + n + "'");
            }
        }
    }

    /** The plugin id: the part of {@link #typeId()} before the first dot. */
    public String pluginId() {
        int dot = typeId.indexOf('.');
        return dot < 0 ? typeId : typeId.substring(0, dot);
    }

    /** Derived from the pins: no pulse pins is PURE, a pulse input ACTION, otherwise LISTENER. */
    public NodeKind kind() {
        return kindOf(inputs, outputs);
    }

    static NodeKind kindOf(List<PinSpec> inputs, List<PinSpec> outputs) {
        if (inputs.stream().anyMatch(PinSpec::isPulse)) {
            return NodeKind.ACTION;
        }
        return outputs.stream().anyMatch(PinSpec::isPulse) ? NodeKind.LISTENER : NodeKind.PURE;
    }

    /** Starts a descriptor; see {@link Builder}. */
    public static Builder builder(String typeId, String displayName, String category) {
        return new Builder(typeId, displayName, category);
    }

    /** Builds a descriptor step by step. Not thread-safe. */
    public static final class Builder {
        private final String typeId;
        private final String displayName;
        private final String category;
        private String description = "";
        private Set<Scope> scopes = Set.of(Scope.PROJECT, Scope.SCENE, Scope.FUNCTION);
        private final List<AttributeSpec> attributes = new java.util.ArrayList<>();
        private final List<PinSpec> inputs = new java.util.ArrayList<>();
        private final List<PinSpec> outputs = new java.util.ArrayList<>();

        private Builder(String typeId, String displayName, String category) {
            this.typeId = typeId;
            this.displayName = displayName;
            this.category = category;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** Allowed scopes; all three unless set. */
        public Builder scopes(Scope... allowed) {
            this.scopes = Set.of(allowed);
            return this;
        }

        public Builder attribute(AttributeSpec attribute) {
            attributes.add(attribute);
            return this;
        }

        public Builder input(PinSpec pin) {
            inputs.add(pin);
            return this;
        }

        public Builder output(PinSpec pin) {
            outputs.add(pin);
            return this;
        }

        public NodeDescriptor build() {
            return new NodeDescriptor(typeId, displayName, category, description, scopes, attributes, inputs, outputs);
        }
    }
}
