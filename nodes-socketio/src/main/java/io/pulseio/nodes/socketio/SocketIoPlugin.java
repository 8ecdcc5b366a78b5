package io.pulseio.nodes.socketio;

import io.pulseio.logic.problem.ProblemKind;
import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.nodes.socketio.internal.client.ClientNodes;
import io.pulseio.nodes.socketio.internal.client.Connections;
import io.pulseio.nodes.socketio.internal.plugin.SettingsReader;
import io.pulseio.nodes.socketio.internal.plugin.SocketIoRun;
import io.pulseio.nodes.socketio.internal.server.ServerNodes;
import io.pulseio.nodes.socketio.internal.server.Servers;
import io.pulseio.nodes.socketio.internal.shared.PluginTrace;
import io.pulseio.nodes.socketio.internal.shared.SocketIoProblems;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Socket.IO plugin: the node types {@code socketio.*}, the settings section {@code socketio} with its
 * lists of {@code connections} and {@code servers}, and for each run one connection manager per connection
 * and one hosted server per server (see
 * {@code docs/socketio-nodes.md}). Found by {@link java.util.ServiceLoader}; enabled unless a project
 * switches it off. Stateless and thread-safe: per-run state lives in the {@link PluginRun} of
 * {@link #start}.
 */
public final class SocketIoPlugin implements Plugin {
    /** The plugin id, the prefix of its node type ids and the name of its settings section. */
    public static final String ID = "socketio";

    private static final List<NodeType> TYPES = types();

    private static List<NodeType> types() {
        List<NodeType> all = new ArrayList<>(ClientNodes.all());
        all.addAll(ServerNodes.all());
        return List.copyOf(all);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Socket.IO";
    }

    @Override
    public List<NodeType> nodeTypes() {
        return TYPES;
    }

    /** {@code sent}, {@code received} and {@code connection} (docs/trace-format.md). */
    @Override
    public Set<String> traceKinds() {
        return PluginTrace.KINDS;
    }

    /** {@code UNKNOWN_CONNECTION}, {@code DUPLICATE_CONNECTION}, {@code INVALID_URL}, {@code INVALID_PORT}. */
    @Override
    public List<ProblemKind> problemKinds() {
        return SocketIoProblems.ALL;
    }

    /** Checks the connections and servers, and each node's connection or server, filters and constants. */
    @Override
    public void validate(ValidationContext check) {
        SettingsReader.read(
                check.settings(),
                check.settingsPath(),
                (kind, path, message) -> check.report(kind, path, null, null, message));
        ClientNodes.check(check);
        ServerNodes.check(check);
    }

    /**
     * Prepares the connection managers and the servers; nothing connects before a Socket.IO Start runs, and
     * nothing listens before a Socket.IO Server Start runs.
     */
    @Override
    public PluginRun start(PluginContext context) {
        SettingsReader.Section section =
                SettingsReader.readSection(context.settings(), "$.settings." + ID, (kind, path, message) -> {
                    throw new IllegalStateException("invalid Socket.IO settings at run time: " + path + ": " + message);
                });
        return new SocketIoRun(
                new Connections(context, section.connections()), new Servers(context, section.servers()));
    }
}
