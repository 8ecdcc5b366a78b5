package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.ProjectSpec;
import io.pulseio.logic.model.VariableSpec;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.Attributes;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeSetup;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Signature;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.logic.spi.Values;
import java.util.List;
import java.util.Optional;

/**
 * Add To Variable ({@code core.addToVariable}): a counter or an accumulator in one node. A number
 * variable gets {@code amount} added (1 unless given); a string variable gets {@code amount}'s text
 * appended. The new value is stored as Set Variable stores it (On Variable Change fires when it changed)
 * and given on {@code value}.
 */
final class AddToVariable implements NodeType {
    static final String ID = CorePlugin.ID + ".addToVariable";
    private static final NodeDescriptor DESCRIPTOR = node("addToVariable", "Add To Variable", "Variables")
            .description("Adds amount to a number variable (1 by default) or appends it to a string variable, "
                    + "then fires out; value outputs the new value.")
            .attribute(AttributeSpec.required("variable", PinType.STRING, "name of a number or string variable"))
            .input(PinSpec.pulse("in"))
            .input(PinSpec.optional("amount", PinType.ANY, 1.0)
                    .describedAs("number: added (default 1); string variable: text appended"))
            .output(PinSpec.pulse("out"))
            .output(PinSpec.required("value", PinType.ANY).describedAs("the variable's new value"))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
        PinType type = type(attributes, project).orElse(null);
        if (type == PinType.NUMBER) {
            return pins(PinSpec.optional("amount", PinType.NUMBER, 1.0), type);
        }
        if (type == PinType.STRING) {
            return pins(PinSpec.required("amount", PinType.STRING), type);
        }
        return Signature.of(DESCRIPTOR);
    }

    private static Signature pins(PinSpec amount, PinType type) {
        return new Signature(
                List.of(
                        PinSpec.pulse("in"),
                        amount.describedAs(DESCRIPTOR.inputs().get(1).description())),
                List.of(PinSpec.pulse("out"), PinSpec.required("value", type)));
    }

    private static Optional<PinType> type(Attributes attributes, ProjectSpec project) {
        String name = attributes.string("variable");
        return project.variable(name == null ? "" : name).map(VariableSpec::type);
    }

    @Override
    public NodeBehaviour create(NodeSetup setup) {
        CoreServices services = Core.services(setup);
        String name = setup.attributes().string("variable");
        boolean number = type(setup.attributes(), setup.project()).orElse(PinType.NUMBER) == PinType.NUMBER;
        int amount = setup.input("amount");
        int out = setup.output("out");
        int value = setup.output("value");
        return new NodeBehaviour() {
            @Override
            public void run(NodeContext node, int pin) {
                Object now = services.variable(name);
                Object next = number
                        ? (Object) ((now instanceof Double d ? d : 0.0) + node.number(amount))
                        : Values.text(now) + node.string(amount);
                services.setVariable(name, next);
                node.output(value, next);
                node.fire(out);
            }
        };
    }

    /** An Add To Variable node needs a number or string variable (an unknown one is reported elsewhere). */
    static void validate(ValidationContext check, NodeSpec node) {
        Optional<PinType> type = type(check.attributes(node), check.project());
        if (type.isPresent() && type.get() != PinType.NUMBER && type.get() != PinType.STRING) {
            check.report(
                    ProblemKind.INVALID_ATTRIBUTE,
                    node.path() + ".attributes.variable",
                    node.id(),
                    "variable",
                    "Add To Variable needs a number or string variable, and '"
                            + check.attributes(node).string("variable") + "' is "
                            + type.get().id());
        }
    }
}
