package io.pulseio.nodes.socketio.internal.client;

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
import io.pulseio.nodes.socketio.internal.shared.MessageText;
import io.pulseio.nodes.socketio.internal.shared.NodeShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * How many arguments Send and Send With Ack emit: attribute {@code arguments}, 1 by default (the
 * {@code message} input, as before), 0 (none: the event alone, so a handler {@code (cb) => cb()} gets its
 * callback first) or 2 to 8 (inputs {@code arg0} … of any type). Pure.
 *
 * <p>With {@code arg} inputs, in {@code text} mode a string is sent as a string, a number as a number, a
 * boolean as a boolean; in {@code json} mode each argument's text is parsed as one JSON value (binary
 * markers as for the message).
 */
final class EmitArguments {
    static final String ARGUMENTS = "arguments";
    static final int MAX = 8;

    private EmitArguments() {}

    static AttributeSpec attribute() {
        return AttributeSpec.optional(
                ARGUMENTS,
                PinType.NUMBER,
                1.0,
                "how many arguments to send: 1 = message (default), 0 = none, 2 to 8 = inputs arg0 …");
    }

    private static int count(Attributes attributes) {
        double n = attributes.number(ARGUMENTS, 1);
        return n == Math.rint(n) && n >= 0 && n <= MAX ? (int) n : 1;
    }

    /** A Send type whose {@code message} input becomes {@code arguments} inputs {@code arg0} … (none for 0). */
    static NodeType type(NodeDescriptor descriptor, Function<NodeSetup, NodeBehaviour> factory) {
        return new NodeType() {
            @Override
            public NodeDescriptor descriptor() {
                return descriptor;
            }

            @Override
            public Signature signature(NodeSpec node, Attributes attributes, ProjectSpec project) {
                int count = count(attributes);
                if (count == 1) {
                    return Signature.of(descriptor);
                }
                List<PinSpec> inputs = new ArrayList<>();
                for (PinSpec pin : descriptor.inputs()) {
                    if (!pin.name().equals("message")) {
                        inputs.add(pin);
                        continue;
                    }
                    for (int i = 0; i < count; i++) {
                        inputs.add(PinSpec.optional("arg" + i, PinType.ANY, "").describedAs("argument " + i));
                    }
                }
                return new Signature(inputs, descriptor.outputs());
            }

            @Override
            public NodeBehaviour create(NodeSetup setup) {
                return factory.apply(setup);
            }

            @Override
            public String toString() {
                return descriptor.typeId();
            }
        };
    }

    /** Reads a node's arguments when it runs. */
    interface Reader {
        /** @throws IllegalArgumentException when json text is not valid JSON */
        Object[] read(NodeContext node);
    }

    static Reader reader(NodeSetup setup, String format) {
        int count = count(setup.attributes());
        if (count == 1) {
            int message = setup.input("message");
            return node -> MessageText.arguments(node.string(message), format);
        }
        int[] pins = new int[count];
        for (int i = 0; i < count; i++) {
            pins[i] = setup.input("arg" + i);
        }
        boolean json = MessageText.JSON.equals(format);
        return node -> {
            Object[] args = new Object[pins.length];
            for (int i = 0; i < pins.length; i++) {
                Object v = node.input(pins[i]);
                args[i] = json ? MessageText.arguments(io.pulseio.logic.spi.Values.text(v), format)[0] : plain(v);
            }
            return args;
        };
    }

    /** A text-mode argument: whole numbers go out without a fraction. */
    private static Object plain(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.longValue();
        }
        return v;
    }

    /** The {@code arguments} attribute, and json-mode constants of the {@code arg} inputs. */
    static void check(ValidationContext check, NodeSpec node) {
        JsonNode given = node.attributes().get(ARGUMENTS);
        if (given != null && given.isNumber()) {
            double n = given.doubleValue();
            if (n != Math.rint(n) || n < 0 || n > MAX) {
                check.report(
                        ProblemKind.INVALID_ATTRIBUTE,
                        node.path() + ".attributes." + ARGUMENTS,
                        node.id(),
                        ARGUMENTS,
                        "attribute 'arguments' must be a whole number from 0 to " + MAX + ", was " + given);
            }
        }
        if (!MessageText.JSON.equals(check.attributes(node).string(NodeShapes.MESSAGE_FORMAT))) {
            return;
        }
        for (int i = 0; i < MAX; i++) {
            JsonNode arg = node.constants().get("arg" + i);
            if (arg != null && arg.isTextual()) {
                try {
                    MessageText.parse(arg.textValue());
                } catch (IllegalArgumentException e) {
                    check.report(
                            ProblemKind.INVALID_VALUE,
                            node.path() + ".inputs.arg" + i,
                            node.id(),
                            "arg" + i,
                            e.getMessage());
                }
            }
        }
    }
}
