package io.pulseio.nodes.socketio.internal.server;

import io.pulseio.nodes.socketio.internal.SocketIoProblems;
import com.fasterxml.jackson.databind.JsonNode;
import io.pulseio.logic.ProblemKind;
import io.pulseio.nodes.socketio.internal.SettingValues;
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
    private static final Set<String> FIELDS = Set.of("name", "host", "port", "path", "cors", "tls", "pingInterval",
            "pingTimeout", "connectTimeout", "maxHttpBufferSize", "connectionStateRecovery");
    private static final Set<String> TLS_FIELDS = Set.of("cert", "key");

    private final SettingValues values;
    /** Fixed ports of the servers read so far, and their servers' names. */
    private final Map<Integer, String> ports = new HashMap<>();

    public ServerReader(SettingValues values) {
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
        long pingInterval = values.millis(s.get("pingInterval"), p + ".pingInterval", "pingInterval",
                ServerSettings.DEFAULT_PING_INTERVAL_MILLIS);
        long pingTimeout = values.millis(s.get("pingTimeout"), p + ".pingTimeout", "pingTimeout",
                ServerSettings.DEFAULT_PING_TIMEOUT_MILLIS);
        long connectTimeout = values.millis(s.get("connectTimeout"), p + ".connectTimeout", "connectTimeout",
                ServerSettings.DEFAULT_CONNECT_TIMEOUT_MILLIS);
        long maxBuffer = maxHttpBufferSize(s.get("maxHttpBufferSize"), p + ".maxHttpBufferSize");
        long recovery = recovery(s.get("connectionStateRecovery"), p + ".connectionStateRecovery");
        if (values.problems() != before) {
            return null;
        }
        ServerSettings settings = new ServerSettings(name, host, port, path, cors, tls[0], tls[1], pingInterval,
                pingTimeout, connectTimeout, maxBuffer, recovery);
        try {
            settings.toServerOptions(); // the server's own checks, as a last line
        } catch (IllegalArgumentException e) {
            values.report(ProblemKind.INVALID_SETTING, p, e.getMessage());
            return null;
        }
        String other = port == 0 ? null : ports.putIfAbsent(port, name);
        if (other != null) {
            values.report(SocketIoProblems.INVALID_PORT, p + ".port", "port " + port + " is already used by server '"
                    + other + "'");
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
        Long port = SettingValues.integer(v);
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
            values.report(ProblemKind.INVALID_SETTING, p,
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
            values.report(ProblemKind.INVALID_SETTING, p, "tls needs both cert (PEM certificate chain) and key "
                    + "(PEM private key)");
            return new String[2];
        }
        return new String[] {values.file(v.get("cert"), p + ".cert", "tls.cert"),
                values.file(v.get("key"), p + ".key", "tls.key")};
    }

    private long maxHttpBufferSize(JsonNode v, String p) {
        if (v == null) {
            return ServerSettings.DEFAULT_MAX_HTTP_BUFFER_SIZE;
        }
        Long value = SettingValues.integer(v);
        if (value == null || value < 1 || value > Integer.MAX_VALUE) {
            values.report(ProblemKind.INVALID_SETTING, p,
                    "maxHttpBufferSize must be a number of bytes from 1 to 2147483647, was " + v);
            return ServerSettings.DEFAULT_MAX_HTTP_BUFFER_SIZE;
        }
        return value;
    }

    private long recovery(JsonNode v, String p) {
        if (v == null) {
            return 0;
        }
        Boolean on = SettingValues.booleanOrNull(v);
        if (on != null) {
            return on ? ServerSettings.DEFAULT_RECOVERY_MILLIS : 0;
        }
        Long millis = SettingValues.integer(v);
        if (millis == null || millis < 1) {
            values.report(ProblemKind.INVALID_SETTING, p, "connectionStateRecovery must be true, false or a "
                    + "positive number of milliseconds, was " + v);
            return 0;
        }
        return millis;
    }
}
