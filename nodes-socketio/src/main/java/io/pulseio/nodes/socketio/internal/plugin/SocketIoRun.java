package io.pulseio.nodes.socketio.internal.plugin;

import io.pulseio.logic.spi.NodeFailure;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.nodes.socketio.internal.client.Connections;
import io.pulseio.nodes.socketio.internal.client.ConnectionsRun;
import io.pulseio.nodes.socketio.internal.server.ServerNodes;
import io.pulseio.nodes.socketio.internal.server.Servers;
import io.pulseio.nodes.socketio.internal.server.ServersRun;

/**
 * The plugin's state for one run: the connection managers ({@link Connections}) and the hosted servers
 * ({@link Servers}). NodeShapes reach their side through {@code NodeSetup.pluginRun} with
 * {@link ConnectionsRun} or {@link ServersRun}. Logic
 * thread only.
 */
public final class SocketIoRun implements PluginRun, ConnectionsRun, ServersRun {
    private final Connections connections;
    private final Servers servers;

    public SocketIoRun(Connections connections, Servers servers) {
        this.connections = connections;
        this.servers = servers;
    }

    @Override
    public Connections connections() {
        return connections;
    }

    @Override
    public Servers servers() {
        return servers;
    }

    @Override
    public void sceneChanged(String from, String to) {
        connections.sceneChanged(from, to);
    }

    /** Server nodes (those with a {@code server} attribute) report to their server, the others to their connection. */
    @Override
    public void nodeFailed(NodeFailure failure) {
        if (failure.attributes().get(ServerNodes.SERVER) != null) {
            servers.nodeFailed(failure);
        } else {
            connections.nodeFailed(failure);
        }
    }

    /** Closes the connections first, so that the project's own clients leave its servers cleanly. */
    @Override
    public void close() {
        try {
            connections.close();
        } finally {
            servers.close();
        }
    }
}
