package io.pulseio.nodes.socketio.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.client.Transport;
import io.pulseio.logic.ProblemKind;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks the {@code socketio} settings section. Every problem is reported with its JSON path
 * and an exact message (the list is in {@code docs/socketio-nodes.md}); connections with problems are left
 * out of the result. Numbers and booleans may also be written as strings, so that {@code ${env:NAME}}
 * values work everywhere. Touches no network; checks that TLS files are readable.
 */
public final class SettingsReader {
    private static final Set<String> SECTION_FIELDS = Set.of("connections");
    private static final Set<String> FIELDS = Set.of("name", "url", "port", "path", "transports", "reconnection",
            "connectTimeout", "ackTimeout", "auth", "query", "headers", "tls", "sendBufferSize");
    private static final Set<String> RECONNECTION_FIELDS = Set.of("enabled", "attempts", "delay", "maxDelay",
            "randomization");
    private static final Set<String> TLS_FIELDS = Set.of("ca", "trustStore", "trustStorePassword", "insecure");
    private static final Set<String> RESERVED_QUERY = Set.of("EIO", "transport", "sid");

    /** Where problems go. */
    @FunctionalInterface
    public interface Sink {
        void report(ProblemKind kind, String path, String message);
    }

    private final Sink sink;
    private int problems;

    private SettingsReader(Sink sink) {
        this.sink = (kind, path, message) -> {
            problems++;
            sink.report(kind, path, message);
        };
    }

    /**
     * The valid connections of {@code section} (a missing node gives none), in file order.
     *
     * @param path the section's JSON path, e.g. {@code $.settings.socketio}
     */
    public static List<ConnectionSettings> read(JsonNode section, String path, Sink sink) {
        return new SettingsReader(sink).section(section, path);
    }

    private List<ConnectionSettings> section(JsonNode section, String path) {
        List<ConnectionSettings> out = new ArrayList<>();
        if (section == null || section.isMissingNode() || section.isNull()) {
            return out;
        }
        unknownFields(section, path, SECTION_FIELDS, "setting");
        JsonNode list = section.path("connections");
        if (list.isMissingNode()) {
            return out;
        }
        if (!list.isArray()) {
            sink.report(ProblemKind.INVALID_SETTING, path + ".connections", "connections must be an array");
            return out;
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < list.size(); i++) {
            String p = path + ".connections[" + i + "]";
            JsonNode c = list.get(i);
            if (!c.isObject()) {
                sink.report(ProblemKind.INVALID_SETTING, p, "a connection must be an object");
                continue;
            }
            int before = problems;
            ConnectionSettings read = connection(c, p);
            String name = read == null ? text(c.get("name")) : read.name();
            if (name != null && !name.isEmpty()) {
                Integer first = firstIndex.putIfAbsent(name, i);
                if (first != null) {
                    sink.report(ProblemKind.DUPLICATE_CONNECTION, p + ".name",
                            "duplicate connection name '" + name + "' (first at connections[" + first + "])");
                }
            }
            if (read != null && problems == before && clientAccepts(read, p)) {
                out.add(read);
            }
        }
        return out;
    }

    /** The client's own checks, as a last line (they should never fire after the checks above). */
    private boolean clientAccepts(ConnectionSettings settings, String p) {
        try {
            settings.toClientOptions(null, null);
            return true;
        } catch (IllegalArgumentException e) {
            sink.report(ProblemKind.INVALID_SETTING, p, e.getMessage());
            return false;
        }
    }

    private ConnectionSettings connection(JsonNode c, String p) {
        unknownFields(c, p, FIELDS, "connection field");
        String name = name(c.get("name"), p + ".name");
        URI uri = url(c.get("url"), p + ".url");
        Integer port = port(c.get("port"), p + ".port");
        String path = enginePath(c.get("path"), p + ".path");
        List<Transport> transports = transports(c.get("transports"), p + ".transports");
        ConnectionSettings.Reconnection reconnection = reconnection(c.get("reconnection"), p + ".reconnection");
        long connectTimeout = millis(c.get("connectTimeout"), p + ".connectTimeout", "connectTimeout",
                ConnectionSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS);
        long ackTimeout = millis(c.get("ackTimeout"), p + ".ackTimeout", "ackTimeout",
                ConnectionSettings.DEFAULT_ACK_TIMEOUT_MILLIS);
        ObjectNode auth = auth(c.get("auth"), p + ".auth");
        Map<String, String> query = query(c.get("query"), p + ".query");
        Map<String, List<String>> headers = headers(c.get("headers"), p + ".headers");
        Tls tls = tls(c.get("tls"), p + ".tls");
        int sendBuffer = count(c.get("sendBufferSize"), p + ".sendBufferSize", "sendBufferSize",
                io.pulseio.client.ClientOptions.DEFAULT_SEND_BUFFER_SIZE);
        if (name == null || uri == null || path == null || transports == null || reconnection == null
                || auth == NO_OBJECT || query == null || headers == null || tls == null) {
            return null;
        }
        return new ConnectionSettings(name, uri.toString(), port, path, transports, reconnection, connectTimeout,
                ackTimeout, auth, query, headers, tls.ca, tls.trustStore, tls.password, tls.insecure, sendBuffer);
    }

    private String name(JsonNode v, String p) {
        if (v == null) {
            sink.report(ProblemKind.INVALID_SETTING, p, "name is required");
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            sink.report(ProblemKind.INVALID_SETTING, p, "name must be a non-empty string, was " + v);
            return null;
        }
        return v.textValue();
    }

    private URI url(JsonNode v, String p) {
        if (v == null) {
            sink.report(ProblemKind.INVALID_URL, p, "url is required");
            return null;
        }
        if (!v.isTextual()) {
            sink.report(ProblemKind.INVALID_URL, p, "url must be a string, was " + v);
            return null;
        }
        String url = v.textValue().trim();
        String problem = urlProblem(url);
        if (problem != null) {
            sink.report(ProblemKind.INVALID_URL, p, "invalid URL '" + url + "': " + problem);
            return null;
        }
        URI uri = URI.create(url);
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            sink.report(ProblemKind.INVALID_PORT, p, "the port of URL '" + url + "' must be in 1..65535, was "
                    + uri.getPort());
            return null;
        }
        return uri;
    }

    /** What is wrong with a URL, or null. */
    static String urlProblem(String url) {
        if (url.isEmpty()) {
            return "it is empty";
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return e.getReason() + " at index " + e.getIndex();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!List.of("http", "https", "ws", "wss").contains(scheme) || uri.isOpaque()) {
            return "it must start with http://, https://, ws:// or wss://";
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            return "it has no host";
        }
        if (uri.getRawUserInfo() != null) {
            return "it must not carry user info";
        }
        String path = uri.getRawPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            return "it must not have a path (set 'path' for the Engine.IO path; namespaces are chosen on the nodes)";
        }
        if (uri.getRawFragment() != null) {
            return "it must not have a fragment";
        }
        return null;
    }

    private Integer port(JsonNode v, String p) {
        if (v == null) {
            return null;
        }
        Long port = integer(v);
        if (port == null) {
            sink.report(ProblemKind.INVALID_PORT, p, "port must be an integer, was " + v);
            return null;
        }
        if (port < 1 || port > 65535) {
            sink.report(ProblemKind.INVALID_PORT, p, "port must be in 1..65535, was " + port);
            return null;
        }
        return port.intValue();
    }

    private String enginePath(JsonNode v, String p) {
        if (v == null) {
            return ConnectionSettings.DEFAULT_PATH;
        }
        if (!v.isTextual() || !v.textValue().startsWith("/")) {
            sink.report(ProblemKind.INVALID_SETTING, p, "path must be a string starting with /, was " + v);
            return null;
        }
        return v.textValue();
    }

    private List<Transport> transports(JsonNode v, String p) {
        if (v == null) {
            return List.of(Transport.POLLING, Transport.WEBSOCKET);
        }
        if (!v.isArray() || v.isEmpty()) {
            sink.report(ProblemKind.INVALID_SETTING, p, "transports must be a non-empty array, was " + v);
            return null;
        }
        List<Transport> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            JsonNode t = v.get(i);
            Transport transport = t.isTextual() ? Transport.ofWireName(t.textValue()) : null;
            if (transport == null) {
                sink.report(ProblemKind.INVALID_SETTING, p + "[" + i + "]",
                        "unknown transport " + t + " (expected \"polling\" or \"websocket\")");
                ok = false;
            } else if (out.contains(transport)) {
                sink.report(ProblemKind.INVALID_SETTING, p + "[" + i + "]",
                        "transport \"" + transport.wireName() + "\" is listed twice");
                ok = false;
            } else {
                out.add(transport);
            }
        }
        return ok ? out : null;
    }

    private ConnectionSettings.Reconnection reconnection(JsonNode v, String p) {
        ConnectionSettings.Reconnection d = ConnectionSettings.Reconnection.DEFAULT;
        if (v == null) {
            return d;
        }
        if (!v.isObject()) {
            sink.report(ProblemKind.INVALID_SETTING, p, "reconnection must be an object, was " + v);
            return null;
        }
        int before = problems;
        unknownFields(v, p, RECONNECTION_FIELDS, "reconnection field");
        boolean enabled = bool(v.get("enabled"), p + ".enabled", "reconnection.enabled", d.enabled());
        int attempts = count(v.get("attempts"), p + ".attempts", "reconnection.attempts", d.attempts());
        long delay = millis(v.get("delay"), p + ".delay", "reconnection.delay", d.delayMillis());
        boolean delaySet = v.has("delay");
        long maxDelay = millis(v.get("maxDelay"), p + ".maxDelay", "reconnection.maxDelay",
                Math.max(d.maxDelayMillis(), delaySet ? delay : 0));
        double randomization = d.randomization();
        JsonNode r = v.get("randomization");
        if (r != null) {
            Double value = decimal(r);
            if (value == null || value < 0 || value > 1) {
                sink.report(ProblemKind.INVALID_SETTING, p + ".randomization",
                        "reconnection.randomization must be a number from 0 to 1, was " + r);
            } else {
                randomization = value;
            }
        }
        if (problems == before && maxDelay < delay) {
            sink.report(ProblemKind.INVALID_SETTING, p + ".maxDelay", "reconnection.maxDelay (" + maxDelay
                    + ") must not be less than reconnection.delay (" + delay + ")");
        }
        return problems == before ? new ConnectionSettings.Reconnection(enabled, attempts, delay, maxDelay,
                randomization) : null;
    }

    private static final ObjectNode NO_OBJECT = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
            .objectNode();

    private ObjectNode auth(JsonNode v, String p) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            sink.report(ProblemKind.INVALID_SETTING, p, "auth must be a JSON object, was " + v);
            return NO_OBJECT;
        }
        return (ObjectNode) v;
    }

    private Map<String, String> query(JsonNode v, String p) {
        Map<String, String> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            sink.report(ProblemKind.INVALID_SETTING, p, "query must be an object, was " + v);
            return null;
        }
        int before = problems;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (RESERVED_QUERY.contains(e.getKey())) {
                sink.report(ProblemKind.INVALID_SETTING, p + "." + e.getKey(),
                        "query parameter '" + e.getKey() + "' is reserved by Engine.IO");
            } else if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                sink.report(ProblemKind.INVALID_SETTING, p + "." + e.getKey(),
                        "query parameter '" + e.getKey() + "' must be a string, number or boolean, was " + e.getValue());
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return problems == before ? out : null;
    }

    private Map<String, List<String>> headers(JsonNode v, String p) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            sink.report(ProblemKind.INVALID_SETTING, p, "headers must be an object, was " + v);
            return null;
        }
        int before = problems;
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode value = e.getValue();
            List<String> values = new ArrayList<>();
            if (value.isTextual()) {
                values.add(value.textValue());
            } else if (value.isArray()) {
                value.forEach(x -> values.add(x.isTextual() ? x.textValue() : null));
            }
            if (e.getKey().isBlank() || values.isEmpty() || values.contains(null)) {
                sink.report(ProblemKind.INVALID_SETTING, p + "." + e.getKey(), "header '" + e.getKey()
                        + "' must be a string or a non-empty array of strings, was " + value);
            } else {
                out.put(e.getKey(), values);
            }
        }
        return problems == before ? out : null;
    }

    private record Tls(String ca, String trustStore, String password, boolean insecure) {
    }

    private Tls tls(JsonNode v, String p) {
        if (v == null) {
            return new Tls(null, null, null, false);
        }
        if (!v.isObject()) {
            sink.report(ProblemKind.INVALID_SETTING, p, "tls must be an object, was " + v);
            return null;
        }
        int before = problems;
        unknownFields(v, p, TLS_FIELDS, "tls field");
        String ca = file(v.get("ca"), p + ".ca", "tls.ca");
        String store = file(v.get("trustStore"), p + ".trustStore", "tls.trustStore");
        JsonNode pw = v.get("trustStorePassword");
        if (pw != null && !pw.isTextual()) {
            sink.report(ProblemKind.INVALID_SETTING, p + ".trustStorePassword", "tls.trustStorePassword must be a string");
        } else if (pw != null && !v.has("trustStore")) {
            sink.report(ProblemKind.INVALID_SETTING, p + ".trustStorePassword",
                    "tls.trustStorePassword is set without tls.trustStore");
        }
        boolean insecure = bool(v.get("insecure"), p + ".insecure", "tls.insecure", false);
        int choices = (v.has("ca") ? 1 : 0) + (v.has("trustStore") ? 1 : 0) + (insecure ? 1 : 0);
        if (choices > 1) {
            sink.report(ProblemKind.INVALID_SETTING, p, "only one of tls.ca, tls.trustStore and tls.insecure may be set");
        }
        return problems == before ? new Tls(ca, store, pw == null ? null : pw.textValue(), insecure) : null;
    }

    private String file(JsonNode v, String p, String what) {
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            sink.report(ProblemKind.INVALID_SETTING, p, what + " must be a file path, was " + v);
            return null;
        }
        Path file = Path.of(v.textValue());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            sink.report(ProblemKind.INVALID_SETTING, p, what + " is not a readable file: " + v.textValue());
            return null;
        }
        return v.textValue();
    }

    // ---- scalar helpers: numbers and booleans may come as strings (from ${env:...}) ----

    private long millis(JsonNode v, String p, String what, long fallback) {
        if (v == null) {
            return fallback;
        }
        Long value = integer(v);
        if (value == null || value < 1) {
            sink.report(ProblemKind.INVALID_SETTING, p, what + " must be a positive number of milliseconds, was " + v);
            return fallback;
        }
        return value;
    }

    private int count(JsonNode v, String p, String what, int fallback) {
        if (v == null) {
            return fallback;
        }
        Long value = integer(v);
        if (value == null || value < 0 || value > Integer.MAX_VALUE) {
            sink.report(ProblemKind.INVALID_SETTING, p, what + " must be an integer >= 0, was " + v);
            return fallback;
        }
        return value.intValue();
    }

    private boolean bool(JsonNode v, String p, String what, boolean fallback) {
        if (v == null) {
            return fallback;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isTextual() && (v.textValue().equals("true") || v.textValue().equals("false"))) {
            return Boolean.parseBoolean(v.textValue());
        }
        sink.report(ProblemKind.INVALID_SETTING, p, what + " must be true or false, was " + v);
        return fallback;
    }

    private void unknownFields(JsonNode object, String p, Set<String> known, String what) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f)) {
                sink.report(ProblemKind.INVALID_SETTING, p + "." + f, "unknown " + what + " '" + f + "'");
            }
        }
    }

    /** A whole number written as a JSON number or a string; null otherwise. */
    static Long integer(JsonNode v) {
        if (v.isIntegralNumber() && v.canConvertToLong()) {
            return v.longValue();
        }
        if (v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue()) && Math.abs(v.doubleValue()) < 1e15) {
            return (long) v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Long.parseLong(v.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static Double decimal(JsonNode v) {
        if (v.isNumber()) {
            return v.doubleValue();
        }
        if (v.isTextual()) {
            try {
                return Double.valueOf(v.textValue().trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static String text(JsonNode v) {
        return v != null && v.isTextual() ? v.textValue() : null;
    }
}
