package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.model.VariableSpec;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Signature;
import java.util.List;
import java.util.function.Function;

/**
 * Get Variable, Set Variable, On Variable Change. Their value pins take the variable's type (ANY in
 * the toolbox). A change event is queued, not run inside the Set: listeners run after the current event.
 */
final class VariableNodes {
    /** What the toolbox says of a value pin listed as {@code any}. */
    private static final String OF_THE_VARIABLE = "the variable's type (any in the toolbox: the loader and "
            + "the studio use the type the project declares)";

    static final String ON_CHANGE = "core.onVariableChange";

    private VariableNodes() {}

    static List<NodeType> types() {
        return List.of(get(), set(), onChange());
    }

    private static AttributeSpec variableAttribute() {
        return AttributeSpec.required("variable", PinType.STRING, "name of a project variable");
    }

    private static NodeType get() {
        NodeDescriptor d = node("getVariable", "Get Variable", "Variables")
                .description("The variable's current value; value has the variable's type.")
                .attribute(variableAttribute())
                .output(PinSpec.required("value", PinType.ANY).describedAs(OF_THE_VARIABLE))
                .build();
        return new Typed(d, t -> new Signature(List.of(), List.of(PinSpec.required("value", t))), setup -> {
            CoreServices services = Core.services(setup);
            String name = setup.attributes().string("variable");
            return new NodeBehaviour() {
                @Override
                public Object compute(NodeContext node, int output) {
                    return services.variable(name);
                }
            };
        });
    }

    private static NodeType set() {
        NodeDescriptor d = node("setVariable", "Set Variable", "Variables")
                .description("Stores value in the variable, then fires out; value outputs what was stored. "
                        + "Both value pins have the variable's type.")
                .attribute(variableAttribute())
                .input(PinSpec.pulse("in"))
                .input(PinSpec.required("value", PinType.ANY).describedAs(OF_THE_VARIABLE))
                .output(PinSpec.pulse("out"))
                .output(PinSpec.required("value", PinType.ANY).describedAs(OF_THE_VARIABLE))
                .build();
        return new Typed(
                d,
                t -> new Signature(
                        List.of(PinSpec.pulse("in"), PinSpec.required("value", t)),
                        List.of(PinSpec.pulse("out"), PinSpec.required("value", t))),
                setup -> {
                    CoreServices services = Core.services(setup);
                    String name = setup.attributes().string("variable");
                    int in = setup.input("value");
                    int out = setup.output("out");
                    int stored = setup.output("value");
                    return new NodeBehaviour() {
                        @Override
                        public void run(NodeContext node, int pin) {
                            Object value = node.input(in);
                            services.setVariable(name, value);
                            node.output(stored, value);
                            node.fire(out);
                        }
                    };
                });
    }

    private static NodeType onChange() {
        NodeDescriptor d = node("onVariableChange", "On Variable Change", "Variables")
                .description("Fires after the variable took a different value (as a new event).")
                .scopes(Scope.PROJECT, Scope.SCENE)
                .attribute(variableAttribute())
                .output(PinSpec.pulse("out"))
                .output(PinSpec.required("value", PinType.ANY).describedAs(OF_THE_VARIABLE))
                .output(PinSpec.required("previous", PinType.ANY).describedAs(OF_THE_VARIABLE))
                .build();
        return new Typed(
                d,
                t -> new Signature(
                        List.of(),
                        List.of(PinSpec.pulse("out"), PinSpec.required("value", t), PinSpec.required("previous", t))),
                setup -> NodeBehaviour.NONE);
    }

    /** A node type whose value pins follow the type of the variable its attribute names. */
    private record Typed(
            NodeDescriptor descriptor, Function<PinType, Signature> pins, Function<NodeSetup, NodeBehaviour> factory)
            implements NodeType {
        @Override
        public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
            String name = attributes.string("variable");
            return project.variable(name == null ? "" : name)
                    .map(VariableSpec::type)
                    .map(pins)
                    .orElse(Signature.of(descriptor));
        }

        @Override
        public NodeBehaviour create(NodeSetup setup) {
            return factory.apply(setup);
        }
    }
}
