package io.pulseio.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.protocol.Json;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** The checks and parsing behind {@link ClientOptions.Builder#build()}: exact messages. */
final class OptionChecks {
    private OptionChecks() {}

    /**
     * Checks every option, in a fixed order (the first problem is reported), and sets
     * {@code v.auth} from {@code v.authValue}.
     *
     * @return the parsed URL
     * @throws IllegalArgumentException naming the option and the value
     */
    static URI check(OptionValues v) {
        URI uri = parseUrl(v.url);
        if (v.portSet && (v.port < 1 || v.port > 65535)) {
            throw new IllegalArgumentException("port must be in 1..65535, was " + v.port);
        }
        if (!v.path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with /, was \"" + v.path + "\"");
        }
        for (String reserved : List.of("EIO", "transport", "sid")) {
            if (v.query.containsKey(reserved)) {
                throw new IllegalArgumentException("query parameter " + reserved + " is reserved");
            }
        }
        v.headers.forEach(OptionChecks::checkHeader);
        checkTransports(v.transports);
        positive("connectTimeout", v.connectTimeout);
        checkReconnection(v);
        if (v.ackTimeout != null) {
            positive("ackTimeout", v.ackTimeout);
        }
        if (v.retries < 0) {
            throw new IllegalArgumentException("retries must be >= 0, was " + v.retries);
        }
        v.auth = v.authValue == null ? null : toAuth(v.authValue);
        int trustChoices = (v.caFile != null ? 1 : 0) + (v.trustStore != null ? 1 : 0) + (v.insecure ? 1 : 0);
        if (trustChoices > 1) {
            throw new IllegalArgumentException("only one of caFile, trustStore and insecure may be set");
        }
        readable("caFile", v.caFile);
        readable("trustStore", v.trustStore);
        if (v.sendBufferSize < 0) {
            throw new IllegalArgumentException("sendBufferSize must be >= 0, was " + v.sendBufferSize);
        }
        return uri;
    }

    private static void checkTransports(List<Transport> transports) {
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("transports must not be empty");
        }
        if (transports.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("transports must not contain null");
        }
        if (transports.stream().distinct().count() != transports.size()) {
            throw new IllegalArgumentException("transports must not repeat a transport, was " + transports);
        }
    }

    private static void checkReconnection(OptionValues v) {
        if (v.reconnectionAttempts < 0) {
            throw new IllegalArgumentException("reconnectionAttempts must be >= 0, was " + v.reconnectionAttempts);
        }
        positive("reconnectionDelay", v.reconnectionDelay);
        if (v.reconnectionDelayMax.compareTo(v.reconnectionDelay) < 0) {
            throw new IllegalArgumentException("reconnectionDelayMax must be >= reconnectionDelay ("
                    + v.reconnectionDelay.toMillis() + " ms), was " + v.reconnectionDelayMax.toMillis() + " ms");
        }
        if (!(v.randomizationFactor >= 0 && v.randomizationFactor <= 1)) {
            throw new IllegalArgumentException("randomizationFactor must be in [0, 1], was " + v.randomizationFactor);
        }
    }

    static Map<String, String> parseQuery(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static URI parseUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not valid: " + ClientOptions.redacted(url));
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https", "ws", "wss").contains(scheme) || uri.isOpaque()) {
            throw new IllegalArgumentException(
                    "url must start with http://, https://, ws:// or wss://, was " + ClientOptions.redacted(url));
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("url has no host: " + ClientOptions.redacted(url));
        }
        if (uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException("url must not carry user info: " + ClientOptions.redacted(url));
        }
        String p = uri.getRawPath();
        if (p != null && !p.isEmpty() && !p.equals("/")) {
            throw new IllegalArgumentException("url must not have a path (set path(...) for the Engine.IO path and "
                    + "use socket(namespace) for namespaces), was " + ClientOptions.redacted(url));
        }
        if (uri.getRawFragment() != null) {
            throw new IllegalArgumentException("url must not have a fragment: " + ClientOptions.redacted(url));
        }
        return uri;
    }

    private static ObjectNode toAuth(Object value) {
        JsonNode node;
        try {
            node = value instanceof JsonNode j ? j : Json.MAPPER.valueToTree(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("auth cannot be converted to JSON: " + e.getMessage(), e);
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(
                    "auth must be a JSON object, was " + (node == null ? "null" : node.getNodeType()));
        }
        return (ObjectNode) node;
    }

    private static void positive(String name, Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d.toMillis() + " ms");
        }
    }

    private static void readable(String name, Path file) {
        if (file != null && !(Files.isRegularFile(file) && Files.isReadable(file))) {
            throw new IllegalArgumentException(name + " is not a readable file: " + file);
        }
    }

    /** A header's name must be an HTTP token, its values free of control characters (Netty refuses both on the loop). */
    private static void checkHeader(String name, List<String> values) {
        if (name.isBlank()) {
            throw new IllegalArgumentException("header name must not be blank");
        }
        if (!name.chars().allMatch(OptionChecks::tokenChar)) {
            throw new IllegalArgumentException(
                    "header name '" + name + "' is not an HTTP token (letters, digits and !#$%&'*+-.^_`|~ only)");
        }
        for (String value : values) {
            if (value.chars().anyMatch(c -> (c < 0x20 && c != '\t') || c == 0x7f)) {
                throw new IllegalArgumentException(
                        "header '" + name + "' has a control character (a line break, say) in its value");
            }
        }
    }

    private static boolean tokenChar(int c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
