package io.pulseio.logic.core;

import static io.pulseio.logic.core.Core.node;

import io.pulseio.logic.model.PinType;
import io.pulseio.logic.spi.AttributeSpec;
import io.pulseio.logic.spi.NodeBehaviour;
import io.pulseio.logic.spi.NodeContext;
import io.pulseio.logic.spi.NodeDescriptor;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.PinSpec;
import io.pulseio.logic.spi.Values;
import java.util.List;

/** Computed (pure) nodes: Compare, Math, Format String. JSON Get lives in {@link JsonGet}. */
final class DataNodes {
    static final List<String> COMPARISONS = List.of("==", "!=", "<", "<=", ">", ">=");
    static final List<String> OPERATIONS = List.of("+", "-", "*", "/", "%", "min", "max", "pow");
    static final int FORMAT_ARGS = 4;

    private DataNodes() {}

    static List<NodeType> types() {
        return List.of(compare(), math(), format(), JsonGet.type());
    }

    private static NodeType compare() {
        NodeDescriptor d = node("compare", "Compare", "Data")
                .description("Compares a with b: as numbers when both are numbers, otherwise as text.")
                .attribute(AttributeSpec.choice("op", COMPARISONS, "comparison"))
                .input(PinSpec.optional("a", PinType.ANY, ""))
                .input(PinSpec.optional("b", PinType.ANY, ""))
                .output(PinSpec.optional("result", PinType.BOOLEAN, false))
                .build();
        return NodeType.of(d, setup -> {
            String op = setup.attributes().string("op");
            int a = setup.input("a");
            int b = setup.input("b");
            return new NodeBehaviour() {
                @Override
                public Object compute(NodeContext node, int output) {
                    return compare(op, node.input(a), node.input(b));
                }
            };
        });
    }

    static boolean compare(String op, Object a, Object b) {
        int c;
        if (a instanceof Double x && b instanceof Double y) {
            c = Double.compare(x, y);
        } else if (a instanceof Boolean && b instanceof Boolean && (op.equals("==") || op.equals("!="))) {
            c = a.equals(b) ? 0 : 1;
        } else {
            c = Values.text(a).compareTo(Values.text(b));
        }
        return switch (op) {
            case "==" -> c == 0;
            case "!=" -> c != 0;
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private static NodeType math() {
        NodeDescriptor d = node("math", "Math", "Data")
                .description("result = a op b. Division or remainder by zero is an error.")
                .attribute(AttributeSpec.choice("op", OPERATIONS, "operation"))
                .input(PinSpec.optional("a", PinType.NUMBER, 0.0))
                .input(PinSpec.optional("b", PinType.NUMBER, 0.0))
                .output(PinSpec.optional("result", PinType.NUMBER, 0.0))
                .build();
        return NodeType.of(d, setup -> {
            String op = setup.attributes().string("op");
            int a = setup.input("a");
            int b = setup.input("b");
            return new NodeBehaviour() {
                @Override
                public Object compute(NodeContext node, int output) {
                    return math(op, node.number(a), node.number(b));
                }
            };
        });
    }

    static double math(String op, double a, double b) {
        if ((op.equals("/") || op.equals("%")) && b == 0) {
            throw new ArithmeticException("division by zero");
        }
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> a / b;
            case "%" -> a % b;
            case "min" -> Math.min(a, b);
            case "max" -> Math.max(a, b);
            default -> Math.pow(a, b);
        };
    }

    private static NodeType format() {
        NodeDescriptor.Builder b = node("formatString", "Format String", "Data")
                .description("Replaces {0} … {3} in format with arg0 … arg3; {{ and }} stand for braces.")
                .input(PinSpec.required("format", PinType.STRING));
        for (int i = 0; i < FORMAT_ARGS; i++) {
            b.input(PinSpec.optional("arg" + i, PinType.ANY, ""));
        }
        NodeDescriptor d =
                b.output(PinSpec.optional("text", PinType.STRING, "")).build();
        return NodeType.of(d, setup -> {
            int format = setup.input("format");
            int[] args = new int[FORMAT_ARGS];
            for (int i = 0; i < FORMAT_ARGS; i++) {
                args[i] = setup.input("arg" + i);
            }
            return new NodeBehaviour() {
                @Override
                public Object compute(NodeContext node, int output) {
                    return format(node.string(format), i -> node.string(args[i]));
                }
            };
        });
    }

    /** Expands {@code {n}} placeholders; an unknown or unclosed placeholder is kept as written. */
    static String format(String pattern, java.util.function.IntFunction<String> arg) {
        StringBuilder out = new StringBuilder(pattern.length() + 16);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < pattern.length() && pattern.charAt(i + 1) == c) {
                out.append(c);
                i++;
            } else if (c == '{'
                    && i + 2 < pattern.length()
                    && pattern.charAt(i + 2) == '}'
                    && pattern.charAt(i + 1) >= '0'
                    && pattern.charAt(i + 1) < '0' + FORMAT_ARGS) {
                out.append(arg.apply(pattern.charAt(i + 1) - '0'));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
