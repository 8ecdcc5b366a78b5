package io.pulseio.server.internal.engine;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One instance per text for what most handshakes repeat: header names (lower case), the values of headers
 * that are the same for many clients ({@code host}, {@code upgrade}, …) and the {@code EIO} and
 * {@code transport} query parameters. Every session keeps its handshake's headers and query, and text read
 * from a request is a new string each time: sharing these saves about 600 bytes of each idle connection.
 * At most {@link #MAX_ENTRIES} names and as many values of at most {@link #MAX_LENGTH} characters are kept,
 * so a peer inventing names or values cannot grow it; past that, text is used as it came.
 */
final class SharedText {
    static final int MAX_ENTRIES = 256;
    static final int MAX_LENGTH = 64;
    /** Headers whose values repeat across clients (not keys, cookies or tokens). */
    private static final Set<String> REPEATED = Set.of(
            "host",
            "upgrade",
            "connection",
            "sec-websocket-version",
            "sec-websocket-extensions",
            "user-agent",
            "origin",
            "accept",
            "accept-encoding",
            "accept-language",
            "cache-control",
            "pragma",
            "content-type");

    private static final ConcurrentHashMap<String, String> NAMES = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> VALUES = new ConcurrentHashMap<>();

    private SharedText() {}

    /** Forgets everything kept (tests). */
    static void forget() {
        NAMES.clear();
        VALUES.clear();
    }

    /** A header name in lower case, the kept instance when there is one. */
    static String name(String name) {
        return shared(NAMES, name.toLowerCase(Locale.ROOT));
    }

    /** A header's value ({@code name} in lower case), shared when the header is one whose values repeat. */
    static String headerValue(String name, String value) {
        return REPEATED.contains(name) ? shared(VALUES, value) : value;
    }

    /** A query parameter's name or value, shared for the Engine.IO parameters every request has. */
    static String query(String name, String text) {
        return name.equals("EIO") || name.equals("transport") ? shared(VALUES, text) : text;
    }

    private static String shared(ConcurrentHashMap<String, String> kept, String text) {
        String found = kept.get(text);
        if (found != null) {
            return found;
        }
        if (text.length() <= MAX_LENGTH && kept.size() < MAX_ENTRIES) {
            found = kept.putIfAbsent(text, text);
            return found != null ? found : text;
        }
        return text;
    }
}
