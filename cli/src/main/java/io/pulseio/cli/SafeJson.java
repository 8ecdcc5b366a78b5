package io.pulseio.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.pulseio.protocol.Json;

/**
 * JSON text of what a server sent, for stdout: Jackson already writes U+0000–U+001F as escapes;
 * this writer also escapes DEL, the C1 controls (U+0080–U+009F, e.g. U+009B, a one-character
 * "escape [" to some terminals), the line separators and the bidirectional overrides. The JSON
 * means the same; only the terminal that shows it is safe. Thread-safe.
 */
final class SafeJson {
    private static final ObjectWriter WRITER = Json.MAPPER.writer().with(new Escapes());

    private SafeJson() {}

    static String write(JsonNode node) {
        try {
            return WRITER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree did not serialize", e);
        }
    }

    /** {@code text} with the same escapes, without JSON's quotes: for a line that shows a peer's text. */
    static String inline(String text) {
        String quoted = write(com.fasterxml.jackson.databind.node.TextNode.valueOf(text));
        return quoted.substring(1, quoted.length() - 1);
    }

    private static final class Escapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        Escapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            boolean unsafe = (ch >= 0x80 && ch <= 0x9f)
                    || ch == 0x2028
                    || ch == 0x2029
                    || (ch >= 0x202a && ch <= 0x202e)
                    || (ch >= 0x2066 && ch <= 0x2069);
            return unsafe ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }
}
