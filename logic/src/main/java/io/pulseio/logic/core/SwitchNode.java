package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.NodeSpec;
import io.pulseio.logic.model.PinType;
import io.pulseio.logic.model.ProjectSpec;
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
import java.util.ArrayList;
import java.util.List;

/**
 * Switch ({@code core.switch}): one pulse output per case of its {@code cases} attribute, {@code case0} …
 * in the attribute's order, plus {@code default}. The value is compared with each case as Compare's
 * {@code ==} does (as numbers when both are numbers, otherwise as text); the first equal case fires,
 * {@code default} when none is.
 */
final class SwitchNode implements NodeType {
    static final String ID = CorePlugin.ID + ".switch";
    static final String CASES = "cases";
    static final int MAX_CASES = 16;
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();
    private static final NodeDescriptor DESCRIPTOR = node("switch", "Switch", "Flow")
            .description("Fires the output of the first case equal to value (case0 … in the order of cases), "
                    + "default when none is.")
            .attribute(AttributeSpec.required(
                    CASES,
                    PinType.JSON,
                    "the cases: an array of 1 to 16 distinct strings, numbers or booleans, e.g. [\"a\", 2]"))
            .input(PinSpec.pulse("in"))
            .input(PinSpec.required("value", PinType.ANY).describedAs("the value to compare with each case"))
            .output(PinSpec.pulse("case0").describedAs("value equals the first case"))
            .output(PinSpec.pulse("default").describedAs("value equals no case"))
            .build();

    @Override
    public NodeDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
        List<Object> cases = cases(tree(node.attributes().get(CASES)));
        if (cases == null) {
            return Signature.of(DESCRIPTOR);
        }
        List<PinSpec> outs = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            outs.add(PinSpec.pulse("case" + i));
        }
        outs.add(PinSpec.pulse("default"));
        return new Signature(DESCRIPTOR.inputs(), outs);
    }

    @Override
    public NodeBehaviour create(NodeSetup setup) {
        List<Object> cases = cases(tree(setup.spec().attributes().get(CASES)));
        Object[] values = cases == null ? new Object[0] : cases.toArray();
        int value = setup.input("value");
        int otherwise = setup.output("default");
        return new NodeBehaviour() {
            @Override
            public void run(NodeContext node, int pin) {
                Object v = node.input(value);
                for (int i = 0; i < values.length; i++) {
                    if (DataNodes.compare("==", v, values[i])) {
                        node.fire(i);
                        return;
                    }
                }
                node.fire(otherwise);
            }
        };
    }

    /** Reports what is wrong with a Switch node's {@code cases}. */
    static void validate(ValidationContext check, NodeSpec node) {
        JsonNode given = tree(node.attributes().get(CASES));
        if (given == null) {
            return; // the loader reports the missing attribute, or text that is not JSON
        }
        String problem = problem(given);
        if (problem != null) {
            check.report(
                    ProblemKind.INVALID_ATTRIBUTE,
                    node.path() + ".attributes." + CASES,
                    node.id(),
                    CASES,
                    "attribute 'cases' " + problem + ", was " + given);
        }
    }

    private static String problem(JsonNode given) {
        if (!given.isArray() || given.isEmpty() || given.size() > MAX_CASES) {
            return "must be an array of 1 to " + MAX_CASES + " strings, numbers or booleans";
        }
        List<Object> seen = new ArrayList<>();
        for (JsonNode c : given) {
            if (!(c.isTextual() || c.isNumber() || c.isBoolean())) {
                return "may hold only strings, numbers and booleans";
            }
            Object value = Values.fromJson(c, PinType.ANY);
            for (Object s : seen) {
                if (DataNodes.compare("==", s, value)) {
                    return "lists " + c + " twice";
                }
            }
            seen.add(value);
        }
        return null;
    }

    /** The attribute as written; a string is JSON text (as for every JSON value); null when absent or not JSON. */
    private static JsonNode tree(JsonNode given) {
        if (given == null || !given.isTextual()) {
            return given;
        }
        try {
            return MAPPER.readTree(given.textValue());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** The cases as runtime values, or null when the attribute is not a valid list of cases. */
    private static List<Object> cases(JsonNode given) {
        if (given == null || problem(given) != null) {
            return null;
        }
        List<Object> out = new ArrayList<>();
        given.forEach(c -> out.add(Values.fromJson(c, PinType.ANY)));
        return out;
    }
}
