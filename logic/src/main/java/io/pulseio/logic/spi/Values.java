package io.pulseio.logic.spi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.model.PinType;
import io.pulseio.protocol.Json;

/** Conversions between runtime values (see {@link PinType}). Stateless and thread-safe. */
public final class Values {

    private Values() {}

    /** Text of a value: strings as themselves, whole numbers without {@code .0}, null as "". */
    public static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d) {
            return number(d);
        }
        return value.toString();
    }

    /** A number as users write it: {@code 3} not {@code 3.0}; NaN and infinities by name. */
    public static String number(double d) {
        if (d == Math.rint(d) && !Double.isInfinite(d) && Math.abs(d) < 1e15) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }

    /**
     * Converts a runtime value to the representation of {@code type}; used for inputs fed by ANY
     * outputs and for constants. Throws {@link IllegalArgumentException} when no sensible conversion
     * exists (e.g. "abc" to a number).
     */
    public static Object convert(Object value, PinType type) {
        if (value == null) {
            return type.zero();
        }
        switch (type) {
            case STRING:
                return text(value);
            case NUMBER:
                if (value instanceof Double) {
                    return value;
                }
                if (value instanceof String s) {
                    try {
                        return Double.valueOf(s.trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a number: \"" + s + "\"");
                    }
                }
                throw new IllegalArgumentException("not a number: " + text(value));
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                if ("true".equals(value)) {
                    return Boolean.TRUE;
                }
                if ("false".equals(value)) {
                    return Boolean.FALSE;
                }
                throw new IllegalArgumentException("not a boolean: " + text(value));
            case JSON:
                if (value instanceof String s) {
                    return s;
                }
                return json(value);
            default:
                return value;
        }
    }

    /** JSON text of a runtime value (a String is quoted: it is a JSON string). */
    public static String json(Object value) {
        try {
            return Json.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * Reads a JSON constant into a runtime value of {@code type}; null when it does not fit
     * ({@code JSON} takes a string as the JSON text itself and any other value as its JSON text; {@code ANY} yields string, number or boolean,
     * or the JSON text of arrays and objects).
     */
    public static Object fromJson(JsonNode node, PinType type) {
        switch (type) {
            case STRING:
                return node.isTextual() ? node.textValue() : null;
            case NUMBER:
                return node.isNumber() ? node.doubleValue() : null;
            case BOOLEAN:
                return node.isBoolean() ? node.booleanValue() : null;
            case JSON:
                // JSON travels as compact text: a string constant is that text (it must parse), anything else is
                // written out
                if (node.isTextual()) {
                    return isJsonText(node.textValue()) ? compact(node.textValue()) : null;
                }
                return node.toString();
            case ANY:
                if (node.isTextual()) {
                    return node.textValue();
                }
                if (node.isNumber()) {
                    return node.doubleValue();
                }
                if (node.isBoolean()) {
                    return node.booleanValue();
                }
                return node.isNull() ? null : node.toString();
            default:
                return null;
        }
    }

    /** {@code text}, one JSON value, written without white space. */
    private static String compact(String text) {
        try {
            return Json.MAPPER.readTree(text).toString();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** True when {@code text} is exactly one JSON value (surrounding white space allowed). */
    private static boolean isJsonText(String text) {
        try (com.fasterxml.jackson.core.JsonParser p = Json.MAPPER.getFactory().createParser(text)) {
            if (p.nextToken() == null) {
                return false;
            }
            p.skipChildren();
            return p.nextToken() == null;
        } catch (java.io.IOException e) {
            return false;
        }
    }
}
