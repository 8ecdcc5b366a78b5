package io.pulseio.nodes.socketio.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.admin.AdminOptions;
import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.nodes.socketio.internal.shared.ScalarReader;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import io.pulseio.server.AdapterSettings;
import io.pulseio.server.ServerOptions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks one entry of {@code settings.socketio.servers} (messages listed in
 * {@code docs/socketio-nodes.md}); binds nothing, checks that TLS files are readable.
 */
public final class ServerReader {
    private static final Set<String> FIELDS = Set.of(
            "name",
            "host",
            "port",
            "path",
            "cors",
            "tls",
            "pingInterval",
            "pingTimeout",
            "connectTimeout",
            "maxHttpBufferSize",
            "connectionStateRecovery",
            "adapter",
            "admin",
            "metrics");
    private static final Set<String> METRICS_FIELDS = Set.of("port", "host");
    private static final Set<String> ADMIN_FIELDS = Set.of("username", "password", "readOnly", "mode", "namespace");
    private static final Set<String> TLS_FIELDS = Set.of("cert", "key");
    private static final Set<String> ADAPTER_FIELDS = Set.of("url", "kind", "password", "key", "options");

    private final ScalarReader values;
    /** Fixed ports of the servers read so far, and their servers' names. */
    private final Map<Integer, String> ports = new HashMap<>();

    public ServerReader(ScalarReader values) {
        this.values = values;
    }

    /** The server, or null when it has a problem (each one reported). */
    public ServerSettings read(JsonNode s, String p) {
        int before = values.problems();
        values.unknownFields(s, p, FIELDS, "server field");
        String name = values.name(s.get("name"), p + ".name");
        String host = host(s.get("host"), p + ".host");
        Integer port = port(s.get("port"), p + ".port");
        String path = values.enginePath(s.get("path"), p + ".path", ServerSettings.DEFAULT_PATH);
        List<String> cors = cors(s.get("cors"), p + ".cors");
        String[] tls = tls(s.get("tls"), p + ".tls");
        long pingInterval = values.millis(
                s.get("pingInterval"),
                p + ".pingInterval",
                "pingInterval",
                ServerSettings.DEFAULT_PING_INTERVAL_MILLIS);
        long pingTimeout = values.millis(
                s.get("pingTimeout"), p + ".pingTimeout", "pingTimeout", ServerSettings.DEFAULT_PING_TIMEOUT_MILLIS);
        long connectTimeout = values.millis(
                s.get("connectTimeout"),
                p + ".connectTimeout",
                "connectTimeout",
                ServerSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS);
        long maxBuffer = maxHttpBufferSize(s.get("maxHttpBufferSize"), p + ".maxHttpBufferSize");
        long recovery = recovery(s.get("connectionStateRecovery"), p + ".connectionStateRecovery");
        AdapterSettings adapter = adapter(s.get("adapter"), p + ".adapter");
        AdminOptions admin = admin(s.get("admin"), p + ".admin");
        MetricsSetting metrics = metrics(s.get("metrics"), p + ".metrics", port);
        if (values.problems() != before) {
            return null;
        }
        ServerSettings settings = new ServerSettings(
                name,
                host,
                port,
                path,
                cors,
                tls[0],
                tls[1],
                pingInterval,
                pingTimeout,
                connectTimeout,
                maxBuffer,
                recovery,
                adapter,
                admin,
                metrics);
        try {
            settings.toServerOptions(); // the server's own checks, as a last line
        } catch (IllegalArgumentException e) {
            values.report(ProblemKind.INVALID_SETTING, p, e.getMessage());
            return null;
        }
        String other = port == 0 ? null : ports.putIfAbsent(port, name);
        if (other != null) {
            values.report(
                    SocketIoProblems.INVALID_PORT,
                    p + ".port",
                    "port " + port + " is already used by server '" + other + "'");
            return null;
        }
        String metricsOther =
                metrics == null || metrics.port() == 0 ? null : ports.putIfAbsent(metrics.port(), name + " (metrics)");
        if (metricsOther != null) {
            values.report(
                    SocketIoProblems.INVALID_PORT,
                    p + ".metrics.port",
                    "port " + metrics.port() + " is already used by server '" + metricsOther + "'");
            return null;
        }
        return settings;
    }

    private String host(JsonNode v, String p) {
        if (v == null) {
            return ServerSettings.DEFAULT_HOST;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            values.report(ProblemKind.INVALID_SETTING, p, "host must be a non-empty string, was " + v);
            return null;
        }
        return v.textValue().trim();
    }

    private Integer port(JsonNode v, String p) {
        if (v == null) {
            values.report(SocketIoProblems.INVALID_PORT, p, "port is required (0 for any free port)");
            return null;
        }
        Long port = ScalarReader.integer(v);
        if (port == null) {
            values.report(SocketIoProblems.INVALID_PORT, p, "port must be an integer, was " + v);
            return null;
        }
        if (port < 0 || port > 65535) {
            values.report(SocketIoProblems.INVALID_PORT, p, "port must be in 0..65535, was " + port);
            return null;
        }
        return port.intValue();
    }

    private List<String> cors(JsonNode v, String p) {
        List<String> out = new ArrayList<>();
        if (v == null) {
            return out;
        }
        if (v.isTextual() && !v.textValue().isBlank()) {
            out.add(v.textValue());
        } else if (v.isArray() && !v.isEmpty()) {
            v.forEach(o -> out.add(o.isTextual() && !o.textValue().isBlank() ? o.textValue() : null));
        }
        if (out.isEmpty() || out.contains(null)) {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p,
                    "cors must be an origin, \"*\" or a non-empty array of origins, was " + v);
        }
        return out;
    }

    /** {cert, key}, both null without TLS. */
    private String[] tls(JsonNode v, String p) {
        if (v == null) {
            return new String[2];
        }
        if (!v.isObject()) {
            values.report(ProblemKind.INVALID_SETTING, p, "tls must be an object, was " + v);
            return new String[2];
        }
        values.unknownFields(v, p, TLS_FIELDS, "tls field");
        if (!v.has("cert") || !v.has("key")) {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p,
                    "tls needs both cert (PEM certificate chain) and key " + "(PEM private key)");
            return new String[2];
        }
        return new String[] {
            values.file(v.get("cert"), p + ".cert", "tls.cert"), values.file(v.get("key"), p + ".key", "tls.key")
        };
    }

    /**
     * The cluster a server joins: a URL, or {@code {url, kind?, password?, key?, options?}} ({@code options}: the
     * Node adapter's options by name, each a string, number or boolean); null when absent or after a problem. The
     * adapter's own checks (a provider for the URL, the URL's form, the kind, the options) run here too.
     */
    private AdapterSettings adapter(JsonNode v, String p) {
        if (v == null) {
            return null;
        }
        AdapterSettings adapter;
        if (v.isTextual()) {
            adapter = AdapterSettings.of(v.textValue().trim());
        } else if (v.isObject()) {
            int before = values.problems();
            values.unknownFields(v, p, ADAPTER_FIELDS, "adapter field");
            String url = adapterText(v, "url", p);
            url = url == null ? null : url.trim();
            if (url == null && !v.has("url")) {
                values.report(SocketIoProblems.INVALID_URL, p + ".url", "url is required, such as redis://host:6379");
            }
            String kind = adapterText(v, "kind", p);
            String password = adapterText(v, "password", p);
            String key = adapterText(v, "key", p);
            java.util.Map<String, String> options = adapterOptions(v.get("options"), p + ".options");
            if (values.problems() != before) {
                return null;
            }
            adapter = new AdapterSettings(url, kind, password, key, options);
        } else {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p,
                    "adapter must be a URL such as \"redis://host:6379\" or "
                            + "an object {url, kind, password, key, options}, was " + v);
            return null;
        }
        try {
            ServerOptions.builder().cluster(adapter).build();
        } catch (io.pulseio.server.AdapterOptionException e) {
            String at = adapter.options().containsKey(e.option()) ? p + ".options." + e.option() : p + ".options";
            values.report(ProblemKind.INVALID_SETTING, at, e.getMessage());
            return null;
        } catch (IllegalArgumentException e) {
            values.report(ProblemKind.INVALID_SETTING, p, e.getMessage());
            return null;
        }
        return adapter;
    }

    /** The adapter's options as text, in their order; empty when absent, each bad one a problem. */
    private java.util.Map<String, String> adapterOptions(JsonNode v, String p) {
        java.util.Map<String, String> options = new java.util.LinkedHashMap<>();
        if (v == null) {
            return options;
        }
        if (!v.isObject()) {
            values.report(
                    ProblemKind.INVALID_SETTING, p, "options must be an object such as {\"maxLen\": 5000}, was " + v);
            return options;
        }
        v.fields().forEachRemaining(e -> {
            JsonNode o = e.getValue();
            if (o.isTextual() || o.isNumber() || o.isBoolean()) {
                options.put(e.getKey(), o.asText());
            } else {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + "." + e.getKey(),
                        e.getKey() + " must be a string, number or boolean, was " + o);
            }
        });
        return options;
    }

    /** An optional non-empty string field of the adapter object; null when absent or after a problem. */
    private String adapterText(JsonNode object, String field, String p) {
        JsonNode v = object.get(field);
        if (v == null) {
            return null;
        }
        if (!v.isTextual() || v.textValue().isBlank()) {
            String shown = "password".equals(field) ? "***" : v.toString();
            values.report(
                    ProblemKind.INVALID_SETTING, p + "." + field, field + " must be a non-empty string, was " + shown);
            return null;
        }
        return v.textValue();
    }

    private long maxHttpBufferSize(JsonNode v, String p) {
        if (v == null) {
            return ServerSettings.DEFAULT_MAX_HTTP_BUFFER_SIZE;
        }
        Long value = ScalarReader.integer(v);
        if (value == null || value < 1 || value > Integer.MAX_VALUE) {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p,
                    "maxHttpBufferSize must be a number of bytes from 1 to 2147483647, was " + v);
            return ServerSettings.DEFAULT_MAX_HTTP_BUFFER_SIZE;
        }
        return value;
    }

    /** The scrape endpoint: {@code {port, host?}}, or null; its port is neither out of range nor the server's. */
    private MetricsSetting metrics(JsonNode v, String p, Integer serverPort) {
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            values.report(ProblemKind.INVALID_SETTING, p, "metrics must be an object {port, host?}, was " + v);
            return null;
        }
        values.unknownFields(v, p, METRICS_FIELDS, "metrics field");
        Integer port = port(v.get("port"), p + ".port");
        String host = v.get("host") == null ? MetricsSetting.DEFAULT_HOST : host(v.get("host"), p + ".host");
        if (port == null || host == null) {
            return null;
        }
        if (port != 0 && port.equals(serverPort)) {
            values.report(
                    SocketIoProblems.INVALID_PORT,
                    p + ".port",
                    "the metrics port " + port + " is the server's own port: give it a port of its own");
            return null;
        }
        return new MetricsSetting(host, port);
    }

    /** The Admin UI's namespace: {@code {username, password, readOnly?, mode?, namespace?}}, or null. */
    private AdminOptions admin(JsonNode v, String p) {
        if (v == null) {
            return null;
        }
        if (!v.isObject()) {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p,
                    "admin must be an object {username, password, readOnly?, " + "mode?, namespace?}, was " + v);
            return null;
        }
        values.unknownFields(v, p, ADMIN_FIELDS, "admin field");
        String username = nonEmptyText(v.get("username"), p + ".username", "admin username");
        String password = nonEmptyText(v.get("password"), p + ".password", "admin password");
        boolean readOnly = values.bool(v.get("readOnly"), p + ".readOnly", "readOnly", false);
        AdminOptions.Mode mode = AdminOptions.Mode.DEVELOPMENT;
        JsonNode m = v.get("mode");
        if (m != null) {
            if (m.isTextual() && m.textValue().equals("production")) {
                mode = AdminOptions.Mode.PRODUCTION;
            } else if (!m.isTextual() || !m.textValue().equals("development")) {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + ".mode",
                        "mode must be \"development\" or \"production\", was " + m);
            }
        }
        JsonNode ns = v.get("namespace");
        String namespace = "/admin";
        if (ns != null) {
            if (!ns.isTextual() || !ns.textValue().startsWith("/")) {
                values.report(
                        ProblemKind.INVALID_SETTING,
                        p + ".namespace",
                        "namespace must be a string starting with /, was " + ns);
            } else {
                namespace = ns.textValue();
            }
        }
        if (username == null || password == null) {
            return null;
        }
        return AdminOptions.builder()
                .login(username, password)
                .readOnly(readOnly)
                .mode(mode)
                .namespace(namespace)
                .build();
    }

    private String nonEmptyText(JsonNode v, String p, String what) {
        if (v == null || !v.isTextual() || v.textValue().isEmpty()) {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p,
                    what + " must be a non-empty string" + (v == null ? " (it is required)" : ""));
            return null;
        }
        return v.textValue();
    }

    private long recovery(JsonNode v, String p) {
        if (v == null) {
            return 0;
        }
        Boolean on = ScalarReader.booleanOrNull(v);
        if (on != null) {
            return on ? ServerSettings.DEFAULT_RECOVERY_MILLIS : 0;
        }
        Long millis = ScalarReader.integer(v);
        if (millis == null || millis < 1) {
            values.report(
                    ProblemKind.INVALID_SETTING,
                    p,
                    "connectionStateRecovery must be true, false or a " + "positive number of milliseconds, was " + v);
            return 0;
        }
        return millis;
    }
}
