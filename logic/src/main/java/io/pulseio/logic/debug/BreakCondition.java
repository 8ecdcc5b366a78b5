package io.pulseio.logic.debug;

import java.util.Objects;

/**
 * A condition on one data input of a node: the breakpoint pauses only when it holds. The input is read
 * as the node would read it now (a computed source is computed). {@code EQUALS}, {@code NOT_EQUALS} and
 * {@code CONTAINS} compare the input's text (numbers without {@code .0}, {@code true}/{@code false},
 * JSON as its text) with {@code value}; {@code LESS_THAN} and {@code GREATER_THAN} compare numbers, and
 * {@code value} must then be a number. A condition that cannot be evaluated (the input fails, or is not
 * a number) counts as holding: the run pauses, so the failure can be seen.
 *
 * @param input the data input's name
 * @param op    the comparison
 * @param value what the input is compared with
 */
public record BreakCondition(String input, Op op, String value) {

    public BreakCondition {
        Objects.requireNonNull(input, "input");
        Objects.requireNonNull(op, "op");
        Objects.requireNonNull(value, "value");
        if ((op == Op.LESS_THAN || op == Op.GREATER_THAN) && number(value) == null) {
            throw new IllegalArgumentException("a " + op + " condition needs a number, was \"" + value + "\"");
        }
    }

    /** The comparison of a {@link BreakCondition}. */
    public enum Op {
        EQUALS,
        NOT_EQUALS,
        CONTAINS,
        LESS_THAN,
        GREATER_THAN
    }

    /** {@code input} equal to {@code value}, as text. */
    public static BreakCondition equalTo(String input, String value) {
        return new BreakCondition(input, Op.EQUALS, value);
    }

    /**
     * Whether the condition holds for {@code text}, the input's value as text ({@code null}: the input
     * could not be read).
     */
    public boolean holds(String text) {
        if (text == null) {
            return true;
        }
        return switch (op) {
            case EQUALS -> text.equals(value);
            case NOT_EQUALS -> !text.equals(value);
            case CONTAINS -> text.contains(value);
            case LESS_THAN, GREATER_THAN -> {
                Double a = number(text);
                if (a == null) {
                    yield true;
                }
                int c = Double.compare(a, number(value));
                yield op == Op.LESS_THAN ? c < 0 : c > 0;
            }
        };
    }

    private static Double number(String text) {
        try {
            return Double.valueOf(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
