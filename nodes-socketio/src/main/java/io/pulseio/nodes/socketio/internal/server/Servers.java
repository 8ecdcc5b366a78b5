package io.pulseio.nodes.socketio.internal.server;

import io.pulseio.logic.spi.NodeFailure;
import io.pulseio.logic.spi.PluginContext;
import io.pulseio.nodes.socketio.internal.shared.DefaultOwner;
import io.pulseio.nodes.socketio.internal.shared.NodeError;
import io.pulseio.nodes.socketio.internal.shared.NodeReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The hosted servers of one run, one per entry of {@code settings.socketio.servers}, and the one control
 * thread that binds and closes them (made on the first Server Start, so that a project without server
 * nodes costs nothing). Logic thread only, except where noted.
 */
public final class Servers implements AutoCloseable {
    private final Map<String, HostedServer> byName = new LinkedHashMap<>();
    private final PluginContext context;
    private ExecutorService control;
    private final List<String> names;

    public Servers(PluginContext context, List<ServerSettings> settings) {
        this.context = context;
        this.names = settings.stream().map(ServerSettings::name).toList();
        for (ServerSettings s : settings) {
            byName.put(
                    s.name(),
                    new HostedServer(
                            s,
                            new ServerListeners(context, s.name(), names),
                            context.logicExecutor(),
                            task -> control().execute(task)));
        }
    }

    /** The server of a configured name (empty: the only one), or null. */
    HostedServer server(String name) {
        return byName.get(DefaultOwner.resolve(name, names));
    }

    private ExecutorService control() {
        if (control == null) {
            control = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "pulseio-server-control-" + context.projectName());
                t.setDaemon(true);
                return t;
            });
        }
        return control;
    }

    /** A server node failed: On Socket.IO Server Error of its server, with the reason when it is ours. */
    public void nodeFailed(NodeFailure failure) {
        HostedServer s = server(failure.attributes().string(ServerNodes.SERVER));
        if (s == null) {
            return;
        }
        if (failure.cause() instanceof NodeError e) {
            s.listeners().error(e.clientId(), e.namespace(), e.getMessage(), e.reason(), false);
        } else {
            s.listeners().error("", "", failure.message(), NodeReason.NODE_FAILURE, false);
        }
    }

    /** Closes every started server (their clients see {@code server shutting down}), waiting a few seconds. */
    @Override
    public void close() {
        if (control == null) {
            return;
        }
        byName.values().forEach(HostedServer::closeForRunEnd);
        control.shutdown();
        try {
            if (!control.awaitTermination(6, TimeUnit.SECONDS)) {
                control.shutdownNow();
            }
        } catch (InterruptedException e) {
            control.shutdownNow();
            Thread.currentThread().interrupt();
        }
        control = null;
    }
}
