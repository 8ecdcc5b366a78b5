package io.pulseio.nodes.socketio;

import io.pulseio.logic.spi.NodeType;
import io.pulseio.logic.spi.Plugin;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.logic.spi.ValidationContext;
import io.pulseio.nodes.socketio.internal.Connections;
import io.pulseio.nodes.socketio.internal.NodeTypes;
import io.pulseio.nodes.socketio.internal.SettingsReader;
import io.pulseio.nodes.socketio.internal.Validation;
import java.util.List;

/**
 * The Socket.IO plugin: the node types {@code socketio.*}, the settings section {@code socketio} with its
 * list of {@code connections}, and one connection manager per connection for each run (see
 * {@code docs/socketio-nodes.md}). Found by {@link java.util.ServiceLoader}; enabled unless a project
 * switches it off. Stateless and thread-safe: per-run state lives in the {@link PluginRun} of
 * {@link #start}.
 */
public final class SocketIoPlugin implements Plugin {
    /** The plugin id, the prefix of its node type ids and the name of its settings section. */
    public static final String ID = "socketio";
    private static final List<NodeType> TYPES = NodeTypes.all();

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

    /** Checks the connections and each node's connection, filters and constants. */
    @Override
    public void validate(ValidationContext check) {
        Validation.check(check);
    }

    /** Prepares the connection managers; nothing connects before a Socket.IO Start runs. */
    @Override
    public PluginRun start(PluginContext context) {
        return new Connections(context, SettingsReader.read(context.settings(), "$.settings." + ID,
                (kind, path, message) -> {
                    throw new IllegalStateException("invalid Socket.IO settings at run time: " + path + ": " + message);
                }));
    }
}
