package io.pulseio.nodes.socketio.internal;

import io.pulseio.logic.spi.NodeFailure;
import io.pulseio.logic.spi.PluginRun;
import io.pulseio.nodes.socketio.internal.server.ServerNodeTypes;
import io.pulseio.nodes.socketio.internal.server.Servers;

/**
 * The plugin's state for one run: the connection managers ({@link Connections}) and the hosted servers
 * ({@link Servers}). Behaviours reach it through {@code NodeSetup.pluginRun(SocketIoRun.class)}. Logic
 * thread only.
 */
public final class SocketIoRun implements PluginRun {
    private final Connections connections;
    private final Servers servers;

    public SocketIoRun(Connections connections, Servers servers) {
        this.connections = connections;
        this.servers = servers;
    }

    public Connections connections() {
        return connections;
    }

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
        if (failure.attributes().get(ServerNodeTypes.SERVER) != null) {
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
