package io.pulseio.client;

/**
 * Text a server sent (a CONNECT_ERROR message, its data, a reason), made safe to print on a
 * terminal or in a log line: control characters are escaped, so that a hostile server cannot move
 * the cursor, recolour, retitle or clear the screen of whoever reads it, and the text is capped, so
 * that it cannot flood a terminal or a log. The client hands such text to listeners as it arrived;
 * the pulseio command and the Socket.IO plugin pass it through {@link #shown} before printing it.
 *
 * <p>Pure and thread-safe.
 */
public final class ServerText {
    /** At most this many characters of the server's text are shown; the rest is counted. */
    public static final int MAX_SHOWN = 1000;

    private ServerText() {}

    /**
     * {@code text} for display: its first {@link #MAX_SHOWN} characters, each control character
     * (U+0000–U+001F, U+007F–U+009F), line or paragraph separator and bidirectional override written
     * as an escape ({@code \n}, {@code \r}, {@code \t}, else {@code \u001b} style), then
     * {@code … (N more characters)} when it was longer (N counts UTF-16 characters). Null becomes {@code "null"}.
     */
    public static String shown(String text) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), MAX_SHOWN);
        if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
            end--; // never cut a pair in two
        }
        StringBuilder b = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (unsafe(c)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        if (end < text.length()) {
            int more = text.length() - end;
            b.append("… (").append(more).append(more == 1 ? " more character)" : " more characters)");
        }
        return b.toString();
    }

    private static boolean unsafe(char c) {
        return c < 0x20
                || (c >= 0x7f && c <= 0x9f)
                || c == '\u2028'
                || c == '\u2029'
                || (c >= '\u202a' && c <= '\u202e')
                || (c >= '\u2066' && c <= '\u2069');
    }
}
