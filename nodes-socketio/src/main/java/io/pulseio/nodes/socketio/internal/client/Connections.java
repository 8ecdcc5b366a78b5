package io.pulseio.nodes.socketio.internal.client;

import io.pulseio.client.EventLoops;
import io.pulseio.logic.spi.NodeFailure;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plugin's state for one run: a connection manager per configured connection, sharing one event loop
 * thread (made on the first Start, stopped when the run ends). Logic thread only.
 *
 * <p>Subscriptions belong to the connection, not to a scene: they survive scene changes (listeners of a
 * scene that is not active stay silent, as the runtime guarantees). A Send With Ack reply that arrives
 * after its node's scene was left is dropped.
 */
public final class Connections implements PluginRun {
    private final Map<String, Connection> byName = new LinkedHashMap<>();
    private final List<String> names;
    private EventLoops loops;

    public Connections(PluginContext context, List<ConnectionSettings> settings) {
        names = settings.stream().map(ConnectionSettings::name).toList();
        for (ConnectionSettings s : settings) {
            byName.put(
                    s.name(),
                    new Connection(
                            s,
                            context.logicExecutor(),
                            context.scheduler(),
                            this::loops,
                            new ConnectionListeners(context, s.name(), names),
                            AutoSubscriptions.of(context.nodes(), s.name(), names)));
        }
    }

    /** The connection manager of a configured name (empty: the only one), or null. */
    Connection connection(String name) {
        return byName.get(DefaultOwner.resolve(name, names));
    }

    private EventLoops loops() {
        if (loops == null) {
            loops = EventLoops.create(1);
        }
        return loops;
    }

    /** A Socket.IO node failed: On Socket.IO Error of its connection, with the reason when it is ours. */
    @Override
    public void nodeFailed(NodeFailure failure) {
        Connection c = connection(failure.attributes().string(ClientNodes.CONFIGURATION));
        if (c == null) {
            return;
        }
        if (failure.cause() instanceof NodeError e) {
            c.listeners().error(e.namespace(), e.getMessage(), e.reason(), false);
        } else {
            c.listeners().error("", failure.message(), NodeReason.NODE_FAILURE, false);
        }
    }

    @Override
    public void close() {
        byName.values().forEach(Connection::close);
        if (loops != null) {
            loops.close();
            loops = null;
        }
    }
}
