package io.pulseio.nodes.socketio.internal.shared;

import io.pulseio.logic.spi.PluginContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The Socket.IO plugin's trace records (declared through {@code Plugin#traceKinds}): {@code sent} and
 * {@code received} with {@code connection}, {@code namespace}, {@code name}, {@code payload}; and
 * {@code connection} with {@code connection}, {@code state}, {@code detail} (docs/trace-format.md). A
 * hosted server's records carry its name as {@code connection}. Any thread.
 */
public final class PluginTrace {
    /** The kinds, for {@code Plugin#traceKinds}. */
    public static final Set<String> KINDS = Set.of("sent", "received", "connection");

    private PluginTrace() {}

    /** An event sent on a connection (or by a hosted server). */
    public static void sent(PluginContext context, String connection, String namespace, String event, String payload) {
        context.trace("sent", message(connection, namespace, event, payload));
    }

    /** An event received on a connection (or by a hosted server). */
    public static void received(
            PluginContext context, String connection, String namespace, String event, String payload) {
        context.trace("received", message(connection, namespace, event, payload));
    }

    /** A connection's (or a hosted server's) state changed; {@code detail} may be null. */
    public static void state(PluginContext context, String connection, String state, String detail) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("connection", connection);
        fields.put("state", state);
        fields.put("detail", detail);
        context.trace("connection", fields);
    }

    private static Map<String, Object> message(String connection, String namespace, String event, String payload) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("connection", connection);
        fields.put("namespace", namespace);
        fields.put("name", event);
        fields.put("payload", payload);
        return fields;
    }
}
