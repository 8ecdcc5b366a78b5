package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import io.pulseio.logic.model.FunctionSpec;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PortSpec;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.Scope;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Call Function, Function Input, Function Output. A call runs the function body to its end before
 * Call Function fires out: Function Input fires with the arguments, Function Output stores results.
 */
final class FunctionNodes {
    static final String INPUT = "core.functionInput";

    private FunctionNodes() {}

    static List<NodeType> types() {
        return List.of(new Call(), new Entry(), new Exit());
    }

    private static List<PinSpec> pins(List<PortSpec> ports) {
        List<PinSpec> pins = new ArrayList<>();
        ports.forEach(
                p -> pins.add(PinSpec.optional(p.name(), p.type(), p.type().zero())));
        return pins;
    }

    private static List<PinSpec> with(PinSpec pulse, List<PinSpec> data) {
        List<PinSpec> all = new ArrayList<>();
        all.add(pulse);
        all.addAll(data);
        return all;
    }

    /** The values of the {@code count} data inputs that follow the pulse input. */
    private static Object[] dataInputs(NodeContext node, int count) {
        Object[] values = new Object[count];
        for (int i = 0; i < count; i++) {
            values[i] = node.input(i + 1);
        }
        return values;
    }

    /** The function whose body holds {@code node}. */
    private static Optional<FunctionSpec> owner(NodeSpec node, ProjectSpec project) {
        return project.functions().stream()
                .filter(f -> f.graph().nodes().contains(node))
                .findFirst();
    }

    static final class Call implements NodeType {
        private static final NodeDescriptor D = node("callFunction", "Call Function", "Functions")
                .description("Runs the function to its end with the inputs, then fires out with its outputs.")
                .attribute(AttributeSpec.required(
                        "function", io.pulseio.logic.model.PinType.STRING, "name of the function"))
                .input(PinSpec.pulse("in"))
                .output(PinSpec.pulse("out"))
                .build();

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
            String name = attributes.string("function");
            return project.function(name == null ? "" : name)
                    .map(f -> new Signature(
                            with(PinSpec.pulse("in"), pins(f.inputs())), with(PinSpec.pulse("out"), pins(f.outputs()))))
                    .orElse(Signature.of(D));
        }

        @Override
        public NodeBehaviour create(NodeSetup setup) {
            CoreServices services = Core.services(setup);
            String function = setup.attributes().string("function");
            int args = setup.signature().inputs().size() - 1;
            int results = setup.signature().outputs().size() - 1;
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    Object[] values = dataInputs(node, args);
                    Object[] out = services.callFunction(function, values, node);
                    for (int i = 0; i < results; i++) {
                        node.output(i + 1, out[i]);
                    }
                    node.fire(0);
                }
            };
        }
    }

    static final class Entry implements NodeType {
        private static final NodeDescriptor D = node("functionInput", "Function Input", "Functions")
                .description("Where a function starts: fires out with the call's inputs.")
                .scopes(Scope.FUNCTION)
                .output(PinSpec.pulse("out"))
                .build();

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
            return owner(node, project)
                    .map(f -> new Signature(List.of(), with(PinSpec.pulse("out"), pins(f.inputs()))))
                    .orElse(Signature.of(D));
        }

        @Override
        public NodeBehaviour create(NodeSetup setup) {
            setup.makeFunctionEntry();
            return NodeBehaviour.NONE;
        }
    }

    static final class Exit implements NodeType {
        private static final NodeDescriptor D = node("functionOutput", "Function Output", "Functions")
                .description("Sets the function's outputs to its inputs; the call returns when the body is done.")
                .scopes(Scope.FUNCTION)
                .input(PinSpec.pulse("in"))
                .build();

        @Override
        public NodeDescriptor descriptor() {
            return D;
        }

        @Override
        public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
            return owner(node, project)
                    .map(f -> new Signature(with(PinSpec.pulse("in"), pins(f.outputs())), List.of()))
                    .orElse(Signature.of(D));
        }

        @Override
        public NodeBehaviour create(NodeSetup setup) {
            CoreServices services = Core.services(setup);
            int count = setup.signature().inputs().size() - 1;
            return new NodeBehaviour() {
                @Override
                public void run(NodeContext node, int pin) {
                    services.functionReturn(dataInputs(node, count));
                }
            };
        }
    }
}
