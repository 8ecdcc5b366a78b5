package io.pulseio.nodes.socketio.internal.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.pulseio.client.ClientOptions;
import io.pulseio.client.Transport;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.nodes.socketio.internal.shared.ScalarReader;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks one entry of {@code settings.socketio.connections} (messages listed in
 * {@code docs/socketio-nodes.md}); touches no network, checks that TLS files are readable.
 */
public final class ConnectionReader {
    private static final Set<String> FIELDS = Set.of(
            "name",
            "url",
            "port",
            "path",
            "transports",
            "reconnection",
            "connectTimeout",
            "ackTimeout",
            "auth",
            "query",
            "headers",
            "tls",
            "sendBufferSize",
            "retries");
    private static final Set<String> RECONNECTION_FIELDS =
            Set.of("enabled", "attempts", "delay", "maxDelay", "randomization");
    private static final Set<String> TLS_FIELDS = Set.of("ca", "trustStore", "trustStorePassword", "insecure");
    private static final Set<String> RESERVED_QUERY = Set.of("EIO", "transport", "sid");

    private final ScalarReader values;

    public ConnectionReader(ScalarReader values) {
        this.values = values;
    }

    /** The connection, or null when it has a problem (each one reported). */
    public ConnectionSettings read(JsonNode c, String p) {
        values.unknownFields(c, p, FIELDS, "connection field");
        String name = values.name(c.get("name"), p + ".name");
        URI uri = url(c.get("url"), p + ".url");
        Integer port = port(c.get("port"), p + ".port");
        String path = values.enginePath(c.get("path"), p + ".path", ConnectionSettings.DEFAULT_PATH);
        List<Transport> transports = transports(c.get("transports"), p + ".transports");
        ConnectionSettings.Reconnection reconnection = reconnection(c.get("reconnection"), p + ".reconnection");
        long connectTimeout = values.millis(
                c.get("connectTimeout"),
                p + ".connectTimeout",
                "connectTimeout",
                ConnectionSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS);
        long ackTimeout = values.millis(
                c.get("ackTimeout"), p + ".ackTimeout", "ackTimeout", ConnectionSettings.DEFAULT_ACK_TIMEOUT_MILLIS);
        ObjectNode auth = auth(c.get("auth"), p + ".auth");
        Map<String, String> query = query(c.get("query"), p + ".query");
        Map<String, List<String>> headers = headers(c.get("headers"), p + ".headers");
        Tls tls = tls(c.get("tls"), p + ".tls");
        int sendBuffer = values.count(
                c.get("sendBufferSize"),
                p + ".sendBufferSize",
                "sendBufferSize",
                io.pulseio.client.ClientOptions.DEFAULT_SEND_BUFFER_SIZE);
        int retries = values.count(c.get("retries"), p + ".retries", "retries", 0);
        if (name == null
                || uri == null
                || path == null
                || transports == null
                || reconnection == null
                || auth == NO_OBJECT
                || query == null
                || headers == null
                || tls == null) {
            return null;
        }
        return new ConnectionSettings(
                name,
                uri.toString(),
                port,
                path,
                transports,
                reconnection,
                connectTimeout,
                ackTimeout,
                auth,
                query,
                headers,
                tls.ca,
                tls.trustStore,
                tls.password,
                tls.insecure,
                sendBuffer,
                retries);
    }

    private URI url(JsonNode v, String p) {
        if (v == null) {
            values.report(SocketIoProblems.INVALID_URL, p, "url is required");
            return null;
        }
        if (!v.isTextual()) {
            values.report(SocketIoProblems.INVALID_URL, p, "url must be a string, was " + v);
            return null;
        }
        String url = v.textValue().trim();
        String problem = urlProblem(url);
        if (problem != null) {
            values.report(
                    SocketIoProblems.INVALID_URL, p, "invalid URL '" + ConnectionSettings.shown(url) + "': " + problem);
            return null;
        }
        URI uri = URI.create(url);
        if (uri.getPort() == 0 || uri.getPort() > 65535) {
            values.report(
                    SocketIoProblems.INVALID_PORT,
                    p,
                    "the port of URL '" + ConnectionSettings.shown(url)
                            + "' must be in 1..65535, was "
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
        Long port = ScalarReader.integer(v);
        if (port == null) {
            values.report(SocketIoProblems.INVALID_PORT, p, "port must be an integer, was " + v);
            return null;
        }
        if (port < 1 || port > 65535) {
            values.report(SocketIoProblems.INVALID_PORT, p, "port must be in 1..65535, was " + port);
            return null;
        }
        return port.intValue();
    }

    private List<Transport> transports(JsonNode v, String p) {
        if (v == null) {
            return List.of(Transport.POLLING, Transport.WEBSOCKET);
        }
        if (!v.isArray() || v.isEmpty()) {
            values.report(ProblemKind.INVALID_SETTING, p, "transports must be a non-empty array, was " + v);
            return null;
        }
        List<Transport> out = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < v.size(); i++) {
            JsonNode t = v.get(i);
            Transport transport = t.isTextual() ? Transport.ofWireName(t.textValue()) : null;
            if (transport == null) {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + "[" + i + "]",
                        "unknown transport " + t + " (expected \"polling\" or \"websocket\")");
                ok = false;
            } else if (out.contains(transport)) {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + "[" + i + "]",
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
            values.report(ProblemKind.INVALID_SETTING, p, "reconnection must be an object, was " + v);
            return null;
        }
        int before = values.problems();
        values.unknownFields(v, p, RECONNECTION_FIELDS, "reconnection field");
        boolean enabled = values.bool(v.get("enabled"), p + ".enabled", "reconnection.enabled", d.enabled());
        int attempts = values.count(v.get("attempts"), p + ".attempts", "reconnection.attempts", d.attempts());
        long delay = values.millis(v.get("delay"), p + ".delay", "reconnection.delay", d.delayMillis());
        boolean delaySet = v.has("delay");
        long maxDelay = values.millis(
                v.get("maxDelay"),
                p + ".maxDelay",
                "reconnection.maxDelay",
                Math.max(d.maxDelayMillis(), delaySet ? delay : 0));
        double randomization = d.randomization();
        JsonNode r = v.get("randomization");
        if (r != null) {
            Double value = ScalarReader.decimal(r);
            if (value == null || value < 0 || value > 1) {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + ".randomization",
                        "reconnection.randomization must be a number from 0 to 1, was " + r);
            } else {
                randomization = value;
            }
        }
        if (values.problems() == before && maxDelay < delay) {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p + ".maxDelay",
                    "reconnection.maxDelay (" + maxDelay + ") must not be less than reconnection.delay (" + delay
                            + ")");
        }
        return values.problems() == before
                ? new ConnectionSettings.Reconnection(enabled, attempts, delay, maxDelay, randomization)
                : null;
    }

    private static final ObjectNode NO_OBJECT =
            com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();

    private ObjectNode auth(JsonNode v, String p) {
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isObject()) {
            values.report(ProblemKind.INVALID_SETTING, p, "auth must be a JSON object, was " + v);
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
            values.report(ProblemKind.INVALID_SETTING, p, "query must be an object, was " + v);
            return null;
        }
        int before = values.problems();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            if (RESERVED_QUERY.contains(e.getKey())) {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + "." + e.getKey(),
                        "query parameter '" + e.getKey() + "' is reserved by Engine.IO");
            } else if (!e.getValue().isValueNode() || e.getValue().isNull()) {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + "." + e.getKey(),
                        "query parameter '" + e.getKey() + "' must be a string, number or boolean, was "
                                + e.getValue());
            } else {
                out.put(e.getKey(), e.getValue().asText());
            }
        }
        return values.problems() == before ? out : null;
    }

    private Map<String, List<String>> headers(JsonNode v, String p) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (v == null) {
            return out;
        }
        if (!v.isObject()) {
            values.report(ProblemKind.INVALID_SETTING, p, "headers must be an object, was " + v);
            return null;
        }
        int before = values.problems();
        for (Map.Entry<String, JsonNode> e : v.properties()) {
            JsonNode value = e.getValue();
            List<String> list = new ArrayList<>();
            if (value.isTextual()) {
                list.add(value.textValue());
            } else if (value.isArray()) {
                value.forEach(x -> list.add(x.isTextual() ? x.textValue() : null));
            }
            if (e.getKey().isBlank() || list.isEmpty() || list.contains(null)) {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + "." + e.getKey(),
                        "header '" + e.getKey() + "' must be a string or a non-empty array of strings, was " + value);
                continue;
            }
            try {
                // the client's own rule (an HTTP token as the name, no control character in a value)
                ClientOptions.Builder check = ClientOptions.builder("http://localhost");
                list.forEach(one -> check.header(e.getKey(), one));
                check.build();
                out.put(e.getKey(), list);
            } catch (IllegalArgumentException bad) {
                values.report(ProblemKind.INVALID_SETTING, p + "." + e.getKey(), bad.getMessage());
            }
        }
        return values.problems() == before ? out : null;
    }

    private record Tls(String ca, String trustStore, String password, boolean insecure) {}

    private Tls tls(JsonNode v, String p) {
        if (v == null) {
            return new Tls(null, null, null, false);
        }
        if (!v.isObject()) {
            values.report(ProblemKind.INVALID_SETTING, p, "tls must be an object, was " + v);
            return null;
        }
        int before = values.problems();
        values.unknownFields(v, p, TLS_FIELDS, "tls field");
        String ca = values.file(v.get("ca"), p + ".ca", "tls.ca");
        String store = values.file(v.get("trustStore"), p + ".trustStore", "tls.trustStore");
        JsonNode pw = v.get("trustStorePassword");
        if (pw != null && !pw.isTextual()) {
            values.report(
                    ProblemKind.INVALID_SETTING, p + ".trustStorePassword", "tls.trustStorePassword must be a string");
        } else if (pw != null && !v.has("trustStore")) {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p + ".trustStorePassword",
                    "tls.trustStorePassword is set without tls.trustStore");
        }
        boolean insecure = values.bool(v.get("insecure"), p + ".insecure", "tls.insecure", false);
        int choices = (v.has("ca") ? 1 : 0) + (v.has("trustStore") ? 1 : 0) + (insecure ? 1 : 0);
        if (choices > 1) {
            values.report(
                    ProblemKind.INVALID_SETTING, p, "only one of tls.ca, tls.trustStore and tls.insecure may be set");
        }
        return values.problems() == before ? new Tls(ca, store, pw == null ? null : pw.textValue(), insecure) : null;
    }
}
