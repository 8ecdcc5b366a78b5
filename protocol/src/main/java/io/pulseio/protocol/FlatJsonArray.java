package io.pulseio.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * A fast path for the most common Socket.IO payload: a flat JSON array of strings without escapes,
 * small integers, booleans and nulls, such as {@code ["event","text",42]}. It reads the array
 * straight from the packet's text (no substring, no parser objects) and builds the same tree that
 * {@link Json#MAPPER} would build.
 *
 * <p>It never decides that input is invalid: on anything it does not handle (escapes, nested
 * values, fractions, large or odd numbers, unexpected characters, malformed JSON) it returns null
 * and the caller parses the text with the mapper, which then accepts or rejects it as always.
 */
final class FlatJsonArray {
    /** Longer texts go to the mapper (whose length limits then apply as before). */
    static final int MAX_CHARS = 64 * 1024;
    /** Integers of up to this many digits fit an int; longer ones go to the mapper. */
    private static final int MAX_INT_DIGITS = 9;

    private static final int INITIAL_CAPACITY = 4;

    private FlatJsonArray() {}

    /** The array in {@code text} from {@code from} to its end, or null to let the mapper decide. */
    static ArrayNode parse(String text, int from) {
        int n = text.length();
        if (n - from > MAX_CHARS) {
            return null;
        }
        int i = skipSpace(text, from, n);
        if (i >= n || text.charAt(i) != '[') {
            return null;
        }
        // Sized for an event name and a few arguments: a default ArrayList would grow on its first add.
        ArrayNode array = JsonNodeFactory.instance.arrayNode(INITIAL_CAPACITY);
        i = skipSpace(text, i + 1, n);
        if (i < n && text.charAt(i) == ']') {
            return skipSpace(text, i + 1, n) == n ? array : null;
        }
        while (i < n) {
            char c = text.charAt(i);
            JsonNode value;
            if (c == '"') {
                int start = i + 1;
                int j = start;
                while (true) {
                    if (j >= n) {
                        return null;
                    }
                    char d = text.charAt(j);
                    if (d == '"') {
                        break;
                    }
                    if (d == '\\' || d < 0x20) {
                        return null;
                    }
                    j++;
                }
                value = TextNode.valueOf(text.substring(start, j));
                i = j + 1;
            } else if (c == '-' || isDigit(c)) {
                int digits = c == '-' ? i + 1 : i;
                int j = digits;
                while (j < n && isDigit(text.charAt(j))) {
                    j++;
                }
                int count = j - digits;
                if (count == 0 || count > MAX_INT_DIGITS || (count > 1 && text.charAt(digits) == '0')) {
                    return null;
                }
                int v = Integer.parseInt(text, i, j, 10);
                if (v == 0 && c == '-') {
                    return null; // -0: leave to the mapper
                }
                value = IntNode.valueOf(v);
                i = j;
            } else if (text.startsWith("true", i)) {
                value = BooleanNode.TRUE;
                i += 4;
            } else if (text.startsWith("false", i)) {
                value = BooleanNode.FALSE;
                i += 5;
            } else if (text.startsWith("null", i)) {
                value = NullNode.getInstance();
                i += 4;
            } else {
                return null;
            }
            array.add(value);
            i = skipSpace(text, i, n);
            if (i >= n) {
                return null;
            }
            c = text.charAt(i);
            if (c == ']') {
                return skipSpace(text, i + 1, n) == n ? array : null;
            }
            if (c != ',') {
                return null;
            }
            i = skipSpace(text, i + 1, n);
        }
        return null;
    }

    private static int skipSpace(String s, int i, int n) {
        while (i < n) {
            char c = s.charAt(i);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return i;
            }
            i++;
        }
        return i;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
